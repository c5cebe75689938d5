// swift-tools-version:6.0
import PackageDescription

/// A release build of the `accord` command on Linux links the Swift runtime and Foundation
/// statically: start-up then skips loading and relocating about twenty shared libraries (README,
/// "Performance"). Apple platforms have no static Swift runtime; they link as usual.
let staticRuntime = (swift: [SwiftSetting.unsafeFlags(["-static-stdlib"], .when(platforms: [.linux], configuration: .release))],
                     linker: [LinkerSetting.unsafeFlags(["-static-stdlib"], .when(platforms: [.linux], configuration: .release))])

let package = Package(
    name: "accord",
    products: [
        .library(name: "Accord", targets: ["Accord"]),
        .executable(name: "accord", targets: ["AccordCLI"]),
    ],
    targets: [
        .target(name: "Accord", dependencies: ["CAccordSHA"], path: "Sources/Accord"),
        // SHA-256 on the x86 SHA extensions: Swift cannot enable a target feature for one function.
        .target(name: "CAccordSHA", path: "Sources/CAccordSHA"),
        .executableTarget(name: "AccordCLI", dependencies: ["Accord"], path: "Sources/accord",
                          swiftSettings: staticRuntime.swift, linkerSettings: staticRuntime.linker),
        .executableTarget(name: "accord-bench", dependencies: ["Accord"], path: "Benchmarks/accord-bench"),
        .testTarget(name: "AccordTests", dependencies: ["Accord"], path: "Tests/AccordTests",
                    exclude: ["Fixtures", "Regressions"]),
    ]
)
