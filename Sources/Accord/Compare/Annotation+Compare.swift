import Foundation

extension Annotation {
    /// Compares this annotation (ACTUAL) with an expected `accord.annotation/1` document, such as a
    /// gold file: `XCTAssert(comparison.isEqual, comparison.report)`.
    ///
    /// - Parameter layers: the layers to compare (of those the expected document holds); all by default.
    /// - Throws: `CompareError` when `data` is not an annotation document.
    public func compare(toExpected data: Data, layers: Set<Layer>? = nil) throws -> AnnotationComparison {
        try AnnotationComparison(expected: data, actual: Data(json(JSONOptions(compact: true))), layers: layers)
    }
}
