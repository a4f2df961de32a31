/// A FIFO with a capacity that drops its oldest items to make room, counting them: a slow
/// or absent collector must never grow the proxy's memory without bound.
struct BoundedQueue<Item> {
    let capacity: Int
    private var items: [Item] = []
    /// Index of the oldest item; the array is compacted when the dead prefix grows large.
    private var head = 0
    private(set) var dropped = 0

    init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    var count: Int { items.count - head }
    var isEmpty: Bool { count == 0 }

    mutating func append(_ item: Item) {
        if count == capacity {
            head += 1
            dropped += 1
        }
        items.append(item)
        if head > 1024 && head * 2 > items.count {
            items.removeFirst(head)
            head = 0
        }
    }

    /// Removes and returns up to `limit` of the oldest items.
    mutating func popFirst(_ limit: Int) -> [Item] {
        let n = min(limit, count)
        guard n > 0 else { return [] }
        let batch = Array(items[head..<(head + n)])
        head += n
        if head == items.count {
            items.removeAll(keepingCapacity: true)
            head = 0
        }
        return batch
    }
}
