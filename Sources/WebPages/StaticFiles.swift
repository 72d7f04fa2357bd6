import HTTPServer

/// The pages' style sheet and the record form's script, served from the binary (no file to
/// install beside it). Files, not inline code, because the Content-Security-Policy allows no
/// inline style or script.
enum StaticFiles {
    /// A static file's response.
    static func response(_ text: String, type: String) -> HTTPResponse {
        var headers = HTTPHeaders()
        headers.set("Content-Type", "\(type); charset=utf-8")
        return HTTPResponse(status: .ok, headers: headers, body: Array(text.utf8))
    }

    /// One column on a phone, wider on a laptop; contrast ≥ 7:1 for text (dark on white, white
    /// on dark blue), 44-pixel targets, a visible keyboard focus.
    static let styleSheet = """
        *{box-sizing:border-box}
        body{margin:0;font:17px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1a1a;background:#fff}
        header{display:flex;flex-wrap:wrap;justify-content:space-between;align-items:center;gap:.5rem;padding:.6rem 1rem;background:#12355b;color:#fff}
        header .marque{font-weight:700;font-size:1.1rem}
        header form{display:flex;align-items:center;gap:.5rem;margin:0}
        header button[type=submit]{width:auto;margin:0;min-height:36px;background:#fff;color:#12355b;border:0;border-radius:4px;padding:.2rem .7rem;font:inherit;font-weight:600}
        main{max-width:44rem;margin:0 auto;padding:1rem}
        h1{font-size:1.5rem;margin:.5rem 0 1rem}
        a{color:#0b4a8b}
        :focus-visible{outline:3px solid #d97706;outline-offset:2px}
        .formulaire label,.formulaire legend{display:block;font-weight:600;margin:.9rem 0 .3rem}
        .formulaire input,.formulaire textarea,.formulaire select{width:100%;min-height:44px;font:inherit;padding:.45rem .6rem;border:1px solid #555;border-radius:4px;background:#fff;color:#1a1a1a}
        .formulaire .case{display:flex;align-items:center;gap:.6rem;font-weight:400;margin:.3rem 0}
        .formulaire .case input{width:1.4rem;min-height:1.4rem}
        fieldset{border:1px solid #999;border-radius:4px;margin:1rem 0;padding:.3rem .9rem .9rem}
        pre.changements{white-space:pre-wrap;font-size:.9rem;background:#f4f4f4;padding:.6rem;border-radius:4px}
        button[type=submit]{margin-top:1.2rem;width:100%;min-height:48px;font:inherit;font-weight:700;color:#fff;background:#12355b;border:0;border-radius:4px}
        .petit button[type=submit]{width:auto;min-height:40px;margin:0;padding:.2rem .8rem;font-weight:600}
        .bouton{display:block;text-align:center;margin-top:1rem;min-height:48px;line-height:48px;font-weight:700;color:#12355b;border:2px solid #12355b;border-radius:4px;text-decoration:none}
        button.secondaire{background:#fff;color:#7a1d12;border:2px solid #7a1d12}
        .faits{margin:0 0 1rem}
        .faits dt{font-weight:700;margin-top:.6rem}
        .faits dd{margin:0}
        .faits ul{margin:.2rem 0;padding-left:1.2rem}
        @media (min-width:40rem){.faits{display:grid;grid-template-columns:max-content 1fr;gap:.35rem .8rem}.faits dt{margin:0}}
        .erreur{border-left:5px solid #b42318;background:#fdecea;padding:.6rem .8rem}
        .annonce{border-left:5px solid #12355b;background:#eef3f8;padding:.6rem .8rem}
        .etat{font-weight:700}
        .etat.attente{color:#8a4b00}
        .etat.envoye{color:#1d6b35}
        .soirees{list-style:none;padding:0}
        .soirees li a{display:block;padding:.8rem;border:1px solid #bbb;border-radius:6px;margin:.6rem 0;text-decoration:none;color:#1a1a1a}
        .soirees li span{display:block}
        table{border-collapse:collapse;width:100%;font-size:.95rem}
        .carte svg{display:block;width:100%;height:auto}
        th,td{border-bottom:1px solid #ccc;padding:.45rem .3rem;text-align:left;vertical-align:top}
        .actions form{display:inline-flex;flex-wrap:wrap;gap:.3rem;margin:.15rem 0}
        .actions input,.actions select{min-height:40px;font:inherit;padding:.2rem .4rem;border:1px solid #555;border-radius:4px}
        @media (max-width:40rem){table,tbody,tr,td{display:block}thead{display:none}tr{border:1px solid #bbb;border-radius:6px;margin:.7rem 0;padding:.3rem}td{border:0}}

        """

    /// The record form without a signal: what is typed is kept in the browser (`localStorage`),
    /// a form sent is kept until the server has it, and sent again when the connection comes
    /// back, with the page's current CSRF token (the form's own key makes a resend harmless).
    /// The state is shown in words: « envoyé » or « en attente d'envoi ».
    static let formScript = """
        (function () {
          "use strict";
          var PENDING = "tournee-envoi:";
          var DRAFT = "tournee-brouillon:";
          var form = document.querySelector("form[data-hors-ligne]");
          var state = document.getElementById("etat-envoi");
          var csrf = document.querySelector("input[name=csrf]");

          function show(text, kind) {
            if (!state) { return; }
            state.textContent = text;
            state.className = "etat " + kind;
            if (state.scrollIntoView) { state.scrollIntoView({ block: "center" }); }
          }

          function pendingKeys() {
            var keys = [];
            for (var i = 0; i < localStorage.length; i++) {
              var key = localStorage.key(i);
              if (key.indexOf(PENDING) === 0) { keys.push(key); }
            }
            return keys;
          }

          function send(key) {
            var item = JSON.parse(localStorage.getItem(key));
            var body = new URLSearchParams(item.body);
            if (csrf) { body.set("csrf", csrf.value); }
            return fetch(item.action, {
              method: "POST", credentials: "same-origin",
              headers: { "Content-Type": "application/x-www-form-urlencoded", "Accept": "application/json" },
              body: body.toString()
            }).then(function (response) {
              return response.json().then(function (answer) {
                if (answer.etat === "session" || answer.etat === "formulaire") {
                  show("en attente d'envoi — " + answer.message, "attente");
                  return;
                }
                localStorage.removeItem(key);
                if (response.ok) {
                  localStorage.removeItem(DRAFT + item.action);
                  show("envoyé — " + answer.message, "envoye");
                } else {
                  show(answer.message, "erreur");
                }
              });
            });
          }

          function flush() {
            var keys = pendingKeys();
            if (keys.length === 0) { return; }
            show("en attente d'envoi", "attente");
            keys.reduce(function (chain, key) {
              return chain.then(function () { return send(key); });
            }, Promise.resolve()).catch(function () {
              show("en attente d'envoi — pas de connexion, l'envoi se fera dès son retour", "attente");
            });
          }

          if (form) {
            var draftKey = DRAFT + form.getAttribute("action");
            var draft = localStorage.getItem(draftKey);
            if (draft) {
              new URLSearchParams(draft).forEach(function (value, name) {
                var field = form.elements[name];
                if (field && field.type !== "hidden" && field.type !== "checkbox" && field.value === "") { field.value = value; }
              });
            }
            form.addEventListener("input", function () {
              localStorage.setItem(draftKey, new URLSearchParams(new FormData(form)).toString());
            });
            form.addEventListener("submit", function (event) {
              event.preventDefault();
              var key = PENDING + form.elements.cle.value;
              localStorage.setItem(key, JSON.stringify({ action: form.getAttribute("action"), body: new URLSearchParams(new FormData(form)).toString() }));
              flush();
            });
          }
          window.addEventListener("online", flush);
          setInterval(function () { if (pendingKeys().length > 0) { flush(); } }, 5000);
          flush();
        })();

        """
}
