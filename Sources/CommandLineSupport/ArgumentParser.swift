/// Parses command-line words against a specification (GNU style: `--name value`, `--name=value`,
/// `--` ends options; a lone `-` is a positional).
public enum ArgumentParser {
    /// Parses `words` (without the program and command names).
    public static func parse(_ words: [String], spec: ArgumentSpec) throws(UsageError) -> ParsedArguments {
        var result = ParsedArguments()
        var index = 0
        var optionsEnded = false
        while index < words.count {
            let word = words[index]
            index += 1
            guard !optionsEnded, word.hasPrefix("-"), word != "-" else {
                result.positionals.append(word)
                continue
            }
            if word == "--" {
                optionsEnded = true
                continue
            }
            guard word.hasPrefix("--") else { throw UsageError("option inconnue « \(word) » (les options s'écrivent --nom)") }
            let body = word.dropFirst(2)
            let name = String(body.split(separator: "=", maxSplits: 1).first ?? "")
            let inlineValue =
                body.contains("=") ? String(body.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)[1]) : nil
            if spec.flags.contains(name) {
                guard inlineValue == nil else { throw UsageError("--\(name) ne prend pas de valeur") }
                result.flags.insert(name)
            } else if let option = spec.options.first(where: { $0.name == name }) {
                let value: String
                if let inlineValue {
                    value = inlineValue
                } else {
                    guard index < words.count else { throw UsageError("--\(name) attend une valeur") }
                    value = words[index]
                    index += 1
                }
                if !option.isRepeatable, result.options[name] != nil { throw UsageError("--\(name) donné deux fois") }
                result.options[name, default: []].append(value)
            } else {
                throw UsageError("option inconnue « --\(name) »")
            }
        }
        if result.positionals.count < spec.minimumPositionals {
            let missing = spec.positionals.dropFirst(result.positionals.count).first ?? "argument"
            throw UsageError("\(missing) manquant")
        }
        if let maximum = spec.maximumPositionals, result.positionals.count > maximum {
            throw UsageError("argument en trop « \(result.positionals[maximum]) »")
        }
        return result
    }
}
