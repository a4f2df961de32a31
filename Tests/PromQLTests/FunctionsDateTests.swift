import MeshMetrics
import Testing
@testable import PromQL

/// Expected values from conformance/promql/functions.test (date functions, UTC).
@Suite struct FunctionsDateTests {
    func value(_ function: DateFunction, _ seconds: Double) -> Double { function.apply(seconds) }

    @Test func epochAndAKnownTimestamp() {
        #expect(DateFunction.year.apply(evaluationTime: 0) == 1970)
        #expect(DateFunction.month.apply(evaluationTime: 0) == 1)
        #expect(DateFunction.dayOfMonth.apply(evaluationTime: 0) == 1)
        #expect(DateFunction.dayOfYear.apply(evaluationTime: 0) == 1)
        #expect(DateFunction.dayOfWeek.apply(evaluationTime: 0) == 4) // Thursday
        #expect(DateFunction.hour.apply(evaluationTime: 0) == 0)
        #expect(DateFunction.minute.apply(evaluationTime: 0) == 0)
        // 2006-01-02 22:04:05 UTC, a Monday.
        let t = 1136239445.0
        #expect(value(.year, t) == 2006)
        #expect(value(.month, t) == 1)
        #expect(value(.dayOfMonth, t) == 2)
        #expect(value(.dayOfYear, t) == 2)
        #expect(value(.dayOfWeek, t) == 1)
        #expect(value(.hour, t) == 22)
        #expect(value(.minute, t) == 4)
        #expect(value(.daysInMonth, t) == 31)
    }

    @Test func yearBoundariesAndLeapYears() {
        #expect(value(.year, 1230767999) == 2008)
        #expect(value(.year, 1230768000) == 2009)
        expectClose(value(.month, 1456790399) + value(.dayOfMonth, 1456790399) / 100, 2.29)
        expectClose(value(.month, 1456790400) + value(.dayOfMonth, 1456790400) / 100, 3.01)
        #expect(value(.dayOfYear, 1483191420) == 366)
        #expect(value(.dayOfYear, 1672493820) == 365)
        #expect(value(.daysInMonth, 1454284800) == 29)
        #expect(value(.daysInMonth, 1485907200) == 28)
        #expect(value(.daysInMonth, 951782400) == 29) // 2000-02-29: divisible by 400.
        #expect(value(.daysInMonth, -2203977600) == 28) // 1900-02-28: not a leap year.
    }

    @Test func negativeAndFractionalSeconds() {
        // -1 is 1969-12-31 23:59:59, a Wednesday; Go truncates fractions toward zero.
        #expect(value(.year, -1) == 1969)
        #expect(value(.dayOfWeek, -1) == 3)
        #expect(value(.hour, -1) == 23)
        #expect(value(.minute, -1) == 59)
        #expect(value(.dayOfYear, -1) == 365)
        #expect(value(.year, -0.5) == 1970)
        #expect(value(.minute, 119.9) == 1)
        #expect(DateFunction.hour.apply(evaluationTime: 3_599_999) == 0)
        // NaN and ±Inf do not trap.
        #expect(value(.year, .nan).isFinite)
        #expect(value(.dayOfWeek, .infinity) >= 0)
        #expect(DateFunction(rawValue: "days_in_month") == .daysInMonth)
    }
}
