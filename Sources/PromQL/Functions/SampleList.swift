import MeshMetrics

/// What the range functions read a window from: a whole array of samples, or a
/// zero-based buffer over part of one, which lets a range query slide a window along a
/// series without copying it at every step. Indices always start at 0.
public protocol SampleList: RandomAccessCollection where Element == Sample, Index == Int {}

extension Array: SampleList where Element == Sample {}

extension UnsafeBufferPointer: SampleList where Element == Sample {}
