import Testing

@testable import Planning

struct EmailAddressSyntaxTests {
    @Test(arguments: ["mairie@curel.example.org", "secretariat.mairie+tournee@val-doingt.fr", "a@b.co"])
    func acceptsOrdinaryAddresses(address: String) {
        #expect(EmailAddressSyntax.isValid(address))
    }

    @Test(arguments: [
        "mairie", "mairie@", "@curel.fr", "mairie curel@example.org", "mairie@curel", "a@b@c.fr",
        "mairie@curel.fr;maire@curel.fr", "mairie..curel@x.fr", "mairie@-curel.fr", "mairie@curel.fr\r\nBcc: x@y.fr",
        "mairie@curel.123",
    ])
    func refusesMistakes(address: String) {
        #expect(!EmailAddressSyntax.isValid(address))
    }
}
