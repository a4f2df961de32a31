/// A broken family rule, before the reader places it on a line and column.
struct FamilyViolation: Error {
    var message: String
}
