import Glibc

/// The client behind a reverse proxy: `X-Forwarded-For` is believed only when the connection
/// comes from a trusted proxy, and then read from the right (the end the proxy wrote), skipping
/// trusted hops: whatever a client put on the left is its own word, not an address.
enum ForwardedClient {
    static func address(peer: String, headers: HTTPHeaders, trusted: Set<String>) -> String {
        guard trusted.contains(peer) else { return peer }
        let hops = headers.values("X-Forwarded-For").flatMap { $0.split(separator: ",") }.map { String($0.trimmingSpaces) }
        for hop in hops.reversed() where !trusted.contains(hop) {
            return isAddress(hop) ? hop : peer
        }
        return peer
    }

    private static func isAddress(_ text: String) -> Bool {
        var v4 = in_addr()
        var v6 = in6_addr()
        return inet_pton(AF_INET, text, &v4) == 1 || inet_pton(AF_INET6, text, &v6) == 1
    }
}
