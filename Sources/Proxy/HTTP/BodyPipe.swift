import NIOCore
import Synchronization

/// Carries a request body that outgrew the retry buffer from the task reading the
/// downstream connection to the task writing upstream, holding the reader back while
/// more than `limit` bytes wait (so a large body never sits in memory whole).
final class BodyPipe: Sendable {
    private struct State {
        var queue: [ByteBuffer] = []
        var queuedBytes = 0
        var finished = false
        /// The consumer gave up: what is sent from now on is dropped.
        var abandoned = false
        var consumer: CheckedContinuation<ByteBuffer?, Never>?
        var producer: CheckedContinuation<Void, Never>?
    }

    private let state = Mutex(State())
    private let limit: Int

    init(limit: Int = 256 * 1024) {
        self.limit = limit
    }

    /// Waits while the consumer is behind.
    func send(_ buffer: ByteBuffer) async {
        await withCheckedContinuation { (producer: CheckedContinuation<Void, Never>) in
            let (consumer, wait) = state.withLock { state -> (CheckedContinuation<ByteBuffer?, Never>?, Bool) in
                if state.abandoned { return (nil, false) }
                if let consumer = state.consumer {
                    state.consumer = nil
                    return (consumer, false)
                }
                state.queue.append(buffer)
                state.queuedBytes += buffer.readableBytes
                if state.queuedBytes > limit {
                    state.producer = producer
                    return (nil, true)
                }
                return (nil, false)
            }
            consumer?.resume(returning: buffer)
            if !wait { producer.resume() }
        }
    }

    func finish() {
        let consumer = state.withLock { state in
            state.finished = true
            defer { state.consumer = nil }
            return state.queue.isEmpty ? state.consumer : nil
        }
        consumer?.resume(returning: nil)
    }

    /// The next part, nil at the end (or once abandoned). Cancelling the waiting task
    /// abandons the pipe.
    func next() async -> ByteBuffer? {
        await withTaskCancellationHandler {
            await take()
        } onCancel: {
            abandon()
        }
    }

    private func take() async -> ByteBuffer? {
        await withCheckedContinuation { (consumer: CheckedContinuation<ByteBuffer?, Never>) in
            let (result, ready, producer) = state.withLock { state -> (ByteBuffer?, Bool, CheckedContinuation<Void, Never>?) in
                if !state.queue.isEmpty {
                    let buffer = state.queue.removeFirst()
                    state.queuedBytes -= buffer.readableBytes
                    var producer: CheckedContinuation<Void, Never>?
                    if state.queuedBytes <= limit {
                        producer = state.producer
                        state.producer = nil
                    }
                    return (buffer, true, producer)
                }
                if state.finished || state.abandoned || Task.isCancelled { return (nil, true, nil) }
                state.consumer = consumer
                return (nil, false, nil)
            }
            producer?.resume()
            if ready { consumer.resume(returning: result) }
        }
    }

    /// The consumer stops reading (the attempt failed): the producer is released and
    /// the rest of the body is discarded.
    func abandon() {
        let (producer, consumer) = state.withLock { state in
            state.abandoned = true
            state.queue = []
            state.queuedBytes = 0
            defer {
                state.producer = nil
                state.consumer = nil
            }
            return (state.producer, state.consumer)
        }
        producer?.resume()
        consumer?.resume(returning: nil)
    }
}
