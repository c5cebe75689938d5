import Foundation

// libFuzzer target: arbitrary bytes through the whole pipeline (decoding, tokenizer, splitter,
// tagger, discourse, JSON writer), checking SPEC's invariants. Built by fuzz/run.sh pipeline.
// Inputs of odd length are annotated as hard-wrapped text (`--wrapped`), even length as plain text,
// so one corpus exercises both splitter modes and every input reproduces deterministically.

private let plain = Annotator(lexicons: .builtIn, wrapped: false)
private let wrapped = Annotator(lexicons: .builtIn, wrapped: true)

@_cdecl("LLVMFuzzerTestOneInput")
public func pipelineFuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = size == 0 || data == nil ? [] : Array(UnsafeBufferPointer(start: data, count: size))
    let annotator = bytes.count % 2 == 1 ? wrapped : plain
    let a = annotator.annotate(bytes: bytes, id: "fuzz", path: nil, layers: Set(Layer.allCases))
    let problems = FuzzCheck.violations(a)
    if !problems.isEmpty { FuzzCheck.fail("invariant violated (wrapped: \(annotator.wrapped))", problems, input: bytes) }
    let json = FuzzCheck.jsonViolations(a)
    if !json.isEmpty { FuzzCheck.fail("JSON check failed (wrapped: \(annotator.wrapped))", json, input: bytes) }
    return 0
}
