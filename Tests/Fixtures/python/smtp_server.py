"""A real aiosmtpd server for the Mail tests, with faults on demand.

Usage: smtp_server.py --port P --dir MAILDIR [--reject ADDR]... [--defer ADDR]...
                      [--auth USER:PASSWORD [--login-only]] [--no-ehlo] [--drop-after N]

Each accepted message is stored byte for byte (as aiosmtpd un-dot-stuffed it) in MAILDIR/new/,
preceded by X-Envelope-From and X-Envelope-To lines so the tests see the SMTP envelope.
--reject answers RCPT TO for ADDR with 550, --defer with 451; --auth advertises AUTH PLAIN and
LOGIN over plain TCP (only LOGIN with --login-only) and refuses MAIL before a successful login
with these credentials. --no-ehlo answers EHLO with 502, as an RFC 821 server would.
--drop-after N answers the RSET that follows the Nth message of a connection with 421 and closes
it, as a relay with a per-connection limit does. Each connection adds a line to MAILDIR/connections.
"""
import argparse
import asyncio
import itertools
import os

from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword


class Handler:
    def __init__(self, directory, reject, defer):
        self.directory = directory
        self.reject = set(reject)
        self.defer = set(defer)
        self.counter = itertools.count()
        for sub in ("tmp", "new", "cur"):
            os.makedirs(os.path.join(directory, sub), exist_ok=True)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.reject:
            return f"550 5.1.1 <{address}>: Recipient address rejected: User unknown"
        if address in self.defer:
            return f"451 4.3.0 <{address}>: Temporary lookup failure"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        session.delivered = getattr(session, "delivered", 0) + 1
        name = f"{os.getpid()}.{next(self.counter):06d}.eml"
        head = f"X-Envelope-From: {envelope.mail_from}\r\nX-Envelope-To: {', '.join(envelope.rcpt_tos)}\r\n"
        temporary = os.path.join(self.directory, "tmp", name)
        with open(temporary, "wb") as handle:
            handle.write(head.encode("ascii") + envelope.original_content)
        os.rename(temporary, os.path.join(self.directory, "new", name))
        return "250 2.0.0 Ok: queued as " + name


class CountingSMTP(SMTP):
    """Counts its connections in MAILDIR/connections and drops one after --drop-after messages."""

    directory = None
    drop_after = None

    def connection_made(self, transport):
        super().connection_made(transport)
        with open(os.path.join(self.directory, "connections"), "a") as handle:
            handle.write("connection\n")

    async def smtp_RSET(self, arg):
        if self.drop_after is not None and getattr(self.session, "delivered", 0) >= self.drop_after:
            await self.push("421 4.4.2 tests.local closing connection")
            self.transport.close()
            return
        await super().smtp_RSET(arg)


class HeloOnlySMTP(CountingSMTP):
    async def smtp_EHLO(self, hostname):
        await self.push("502 5.5.1 EHLO not implemented")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--dir", required=True)
    parser.add_argument("--reject", action="append", default=[])
    parser.add_argument("--defer", action="append", default=[])
    parser.add_argument("--auth")
    parser.add_argument("--login-only", action="store_true")
    parser.add_argument("--no-ehlo", action="store_true")
    parser.add_argument("--drop-after", type=int)
    args = parser.parse_args()
    handler = Handler(args.dir, args.reject, args.defer)
    options = {}
    if args.auth:
        user, password = args.auth.split(":", 1)

        def authenticator(server, session, envelope, mechanism, auth_data):
            ok = isinstance(auth_data, LoginPassword) and auth_data.login == user.encode() and auth_data.password == password.encode()
            return AuthResult(success=ok, handled=False)

        options = dict(authenticator=authenticator, auth_required=True, auth_require_tls=False)
        if args.login_only:
            options["auth_exclude_mechanism"] = ["PLAIN"]
    server_class = HeloOnlySMTP if args.no_ehlo else CountingSMTP
    server_class.directory = args.dir
    server_class.drop_after = args.drop_after
    loop = asyncio.new_event_loop()
    server = loop.run_until_complete(
        loop.create_server(lambda: server_class(handler, hostname="tests.local", **options), "127.0.0.1", args.port))
    try:
        loop.run_forever()
    finally:
        server.close()


if __name__ == "__main__":
    main()
