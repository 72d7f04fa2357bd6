"""A staff member records two evenings from a phone, one of them with the network cut.

usage: browser_staff.py BASE_URL NAME PASSWORD ONLINE_COMMUNE OFFLINE_COMMUNE SHOTS_FOLDER
Prints what the pages showed, as JSON; the test checks the database.
"""
import json
import sys

from selenium.webdriver.common.by import By

from browser import Session

base, name, password, online, offline, shots = sys.argv[1:7]
seen = {}
page = Session(base, shots, "equipe")
try:
    page.open("/")
    page.shot("connexion")
    seen["home"] = page.driver.current_url
    page.sign_in(name, "pas le bon mot de passe")
    seen["refused"] = page.text(".erreur")
    page.shot("connexion-refusee")
    page.sign_in(name, password)
    seen["listUrl"] = page.driver.current_url
    seen["list"] = [item.text for item in page.driver.find_elements(By.CSS_SELECTOR, ".soirees li")]
    page.shot("ce-soir")

    page.follow(online)
    page.shot("formulaire")
    page.type("personnes", "1 200")
    page.type("animations", "Bal guinguette\nQuiz musical")
    page.type("nouveau_partenaire", "Comité des fêtes")
    page.type("depenses_locales", "180 €")
    page.type("benevoles", "6")
    page.submit("form[data-hors-ligne]", navigates=False)
    seen["online"] = page.wait_for("#etat-envoi", lambda text: text.startswith("envoyé"))
    page.shot("envoye")
    page.submit("form[data-hors-ligne]", navigates=False)
    seen["again"] = page.wait_for("#etat-envoi", lambda text: "déjà arrivé" in text)

    page.open("/soirees")
    page.follow(offline)
    page.type("personnes", "95")
    page.type("notes", "Orage à 22 h, on a plié tôt")
    page.driver.set_network_conditions(offline=True, latency=0, download_throughput=0, upload_throughput=0)
    page.submit("form[data-hors-ligne]", navigates=False)
    seen["pending"] = page.wait_for("#etat-envoi", lambda text: text.startswith("en attente d'envoi"))
    seen["pendingKept"] = page.driver.execute_script(
        "return Object.keys(localStorage).filter(function (k) { return k.indexOf('tournee-envoi:') === 0; }).length")
    page.shot("hors-ligne")
    page.driver.delete_network_conditions()
    seen["sentLater"] = page.wait_for("#etat-envoi", lambda text: text.startswith("envoyé"), seconds=30)
    seen["pendingLeft"] = page.driver.execute_script(
        "return Object.keys(localStorage).filter(function (k) { return k.indexOf('tournee-envoi:') === 0; }).length")
    page.shot("envoye-au-retour")
    page.open("/soirees")
    seen["listAfter"] = [item.text for item in page.driver.find_elements(By.CSS_SELECTOR, ".soirees li")]
    page.shot("ce-soir-saisi")
finally:
    page.close()
print(json.dumps(seen, ensure_ascii=False))
