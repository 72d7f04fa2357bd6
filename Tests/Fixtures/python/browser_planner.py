"""A planner steers the season from a phone: confirms an evening, moves another to a date the
page offers, reads the re-plan's change set and applies it.

usage: browser_planner.py BASE_URL NAME PASSWORD SEASON_NAME CONFIRM_ID MOVE_ID SHOTS_FOLDER
Prints what the pages showed, as JSON; the test checks the database.
"""
import json
import sys

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from browser import Session

base, name, password, season, confirm_id, move_id, shots = sys.argv[1:8]
seen = {}
page = Session(base, shots, "planificateur")


def row_form(event_id, action):
    for form in page.driver.find_elements(By.CSS_SELECTOR, "form[action='/action']"):
        if form.find_element(By.NAME, "soiree").get_attribute("value") == event_id and \
                form.find_element(By.NAME, "action").get_attribute("value") == action:
            return form
    raise LookupError("no %s form for %s" % (action, event_id))


try:
    page.sign_in(name, password)
    seen["seasonsUrl"] = page.driver.current_url
    page.shot("saisons")
    page.follow(season)
    seen["boardTitle"] = page.text("h1")
    page.shot("tableau")
    seen["map"] = page.driver.execute_script("""
        const svg = document.querySelector('.carte svg');
        if (!svg) return null;
        return {circles: svg.querySelectorAll('#communes circle').length, legs: svg.querySelectorAll('#trajets line').length,
                numbered: [...svg.querySelectorAll('#etiquettes tspan')].filter(t => /^[0-9]+ · /.test(t.textContent)).length,
                width: svg.getBoundingClientRect().width};
    """)

    form = row_form(confirm_id, "confirmer")
    form.find_element(By.NAME, "raison").send_keys("accord du maire par téléphone")
    page.click(form.find_element(By.CSS_SELECTOR, "button[type=submit]"))
    seen["confirmed"] = page.text(".annonce")
    page.shot("confirmee")

    page.open("/deplacer/" + move_id)
    page.shot("deplacer")
    choices = Select(page.driver.find_element(By.ID, "date"))
    seen["moveChoices"] = [option.get_attribute("value") for option in choices.options]
    choices.select_by_index(0)
    page.type("raison", "fête du village ce soir-là")
    page.submit()
    seen["moved"] = page.text(".annonce")
    page.shot("deplacee")

    page.open("/saisons")
    page.follow(season)
    page.follow("Replanifier")
    seen["changes"] = page.text("pre.changements")
    page.shot("replanifier")
    page.type("raison", "Domblain a changé de date")
    page.submit()
    seen["appliedTitle"] = page.text("h1")
    seen["applied"] = page.text(".annonce")
    page.shot("replanification-appliquee")
finally:
    page.close()
print(json.dumps(seen, ensure_ascii=False))
