import Foundation
import TextFormats

/// Builds an SVG 1.1 document element by element, escaping every text and attribute value, so
/// a commune named "Saint-Jean-d'Angély & co" never breaks the XML.
public struct SVGWriter {
    private var body: [String] = []
    /// Width and height of the drawing, in user units.
    public let width: Double
    /// Height of the drawing.
    public let height: Double

    /// Starts a drawing of the given size.
    public init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    /// Appends an element with attributes in the given order, and optional text content.
    public mutating func element(_ name: String, _ attributes: KeyValuePairs<String, String>, text: String? = nil) {
        element(name, attributes: attributes.map { ($0.key, $0.value) }, text: text)
    }

    /// Appends an element with attributes put together at run time, in the given order.
    public mutating func element(_ name: String, attributes: [(String, String)], text: String? = nil) {
        let rendered = attributes.map { " \($0.0)=\"\(MarkupText.escaped($0.1))\"" }.joined()
        if let text {
            body.append("<\(name)\(rendered)>\(MarkupText.escaped(text))</\(name)>")
        } else {
            body.append("<\(name)\(rendered)/>")
        }
    }

    /// Appends a `<text>` of several `<tspan>` lines written on one line of the document: no
    /// white space between them, which a browser would draw as a space at the default size.
    public mutating func text(_ attributes: [(String, String)], spans: [(attributes: [(String, String)], text: String)]) {
        func rendered(_ list: [(String, String)]) -> String { list.map { " \($0.0)=\"\(MarkupText.escaped($0.1))\"" }.joined() }
        body.append(
            "<text\(rendered(attributes))>"
                + spans.map { "<tspan\(rendered($0.attributes))>\(MarkupText.escaped($0.text))</tspan>" }.joined()
                + "</text>")
    }

    /// Opens a group (`<g>`) that must be closed with `close(_:)`.
    public mutating func open(_ name: String, _ attributes: KeyValuePairs<String, String> = [:]) {
        body.append("<\(name)" + attributes.map { " \($0.key)=\"\(MarkupText.escaped($0.value))\"" }.joined() + ">")
    }

    /// Closes an element opened with `open(_:_:)`.
    public mutating func close(_ name: String) { body.append("</\(name)>") }

    /// The document with its XML declaration, a `<title>` and the given description.
    public func rendered(title: String, description: String) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + fragment(title: title, description: description)
    }

    /// The `<svg>` element alone, for embedding in an (X)HTML page.
    public func fragment(title: String, description: String) -> String {
        var lines = [
            "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"\(Self.number(width))\" height=\"\(Self.number(height))\" viewBox=\"0 0 \(Self.number(width)) \(Self.number(height))\" font-family=\"sans-serif\">",
            "<title>\(MarkupText.escaped(title))</title>",
            "<desc>\(MarkupText.escaped(description))</desc>",
        ]
        lines.append(contentsOf: body)
        lines.append("</svg>")
        return lines.joined(separator: "\n") + "\n"
    }

    /// A coordinate with at most one decimal, for compact and stable output.
    public static func number(_ value: Double) -> String {
        JSONOutput.fixed(value, decimals: 1).replacingOccurrences(of: ".0", with: "", options: [.anchored, .backwards])
    }
}
