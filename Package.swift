// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "accord",
    products: [
        .library(name: "Accord", targets: ["Accord"]),
        .executable(name: "accord", targets: ["AccordCLI"]),
    ],
    targets: [
        .target(name: "Accord", path: "Sources/Accord"),
        .executableTarget(name: "AccordCLI", dependencies: ["Accord"], path: "Sources/accord"),
        .executableTarget(name: "accord-bench", dependencies: ["Accord"], path: "Benchmarks/accord-bench"),
        .testTarget(name: "AccordTests", dependencies: ["Accord"], path: "Tests/AccordTests",
                    exclude: ["Fixtures", "Regressions"]),
    ]
)
