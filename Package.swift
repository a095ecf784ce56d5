// swift-tools-version: 6.0
import PackageDescription

let package = Package(
  name: "PlanIngest",
  platforms: [.macOS(.v14)],
  products: [
    .executable(name: "ingest", targets: ["ingest"]),
    .library(name: "Pipeline", targets: ["Pipeline"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
  ],
  targets: [
    .target(name: "PlanModel"),
    .systemLibrary(name: "CPoppler", pkgConfig: "poppler-glib"),
    .systemLibrary(name: "CTesseract", pkgConfig: "tesseract"),
    .target(name: "CProcessControl"),
    .target(name: "Extraction", dependencies: ["PlanModel", "CPoppler", "CTesseract"]),
    .target(name: "VietnameseText"),
    .target(name: "Restoration", dependencies: ["VietnameseText", "PlanModel"]),
    .target(name: "PlanParsing", dependencies: ["PlanModel", "VietnameseText"]),
    .target(
      name: "Pipeline",
      dependencies: [
        "PlanModel", "Extraction", "Restoration", "PlanParsing", "CProcessControl",
        .product(name: "GRDB", package: "GRDB.swift"),
      ]
    ),
    .executableTarget(
      name: "ingest",
      dependencies: [
        "Pipeline", "Extraction", "PlanModel", "Restoration",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .executableTarget(
      name: "restoration-tool", dependencies: ["Restoration"], path: "Sources/RestorationTool"),
    .testTarget(name: "PlanModelTests", dependencies: ["PlanModel"]),
    .testTarget(name: "ExtractionTests", dependencies: ["Extraction"]),
    .testTarget(name: "VietnameseTextTests", dependencies: ["VietnameseText"]),
    .testTarget(name: "RestorationTests", dependencies: ["Restoration"]),
    .testTarget(name: "PlanParsingTests", dependencies: ["PlanParsing"]),
    .testTarget(name: "PipelineTests", dependencies: ["Pipeline", "Restoration", "PlanParsing"]),
    .testTarget(name: "EndToEndTests", dependencies: ["PlanModel"]),
    .testTarget(
      name: "BatchTests",
      dependencies: ["Pipeline", "PlanModel", .product(name: "GRDB", package: "GRDB.swift")]
    ),
  ]
)
