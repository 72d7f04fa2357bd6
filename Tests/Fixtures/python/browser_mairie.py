"""A mairie secretary answers from a phone: opens the link, says the date does not suit, picks
the first date offered, leaves a comment.

usage: browser_mairie.py LINK COMMENT SHOTS_FOLDER
Prints what the pages showed, as JSON.
"""
import json
import sys
import urllib.parse

from selenium.webdriver.common.by import By

from browser import Session

link, comment, shots = sys.argv[1:4]
parts = urllib.parse.urlsplit(link)
page = Session("%s://%s" % (parts.scheme, parts.netloc), shots, "mairie")
seen = {}
try:
    page.open(parts.path)
    seen["title"] = page.text("h1")
    seen["facts"] = [element.text for element in page.driver.find_elements(By.CSS_SELECTOR, ".faits dt, .faits dd")]
    seen["buttons"] = [element.text for element in page.driver.find_elements(By.CSS_SELECTOR, "button, a.bouton")]
    page.shot("demande")
    page.follow("Cette date ne convient pas")
    boxes = page.driver.find_elements(By.CSS_SELECTOR, "input[name=date]")
    seen["dates"] = [box.get_attribute("value") for box in boxes]
    seen["labels"] = [element.text for element in page.driver.find_elements(By.CSS_SELECTOR, "label.case")]
    page.shot("autres-dates")
    page.click(boxes[0], navigates=False)
    page.type("commentaire", comment)
    page.submit()
    seen["thanks"] = page.text(".annonce")
    page.shot("merci")
    page.open(parts.path)
    seen["again"] = page.text(".annonce")
    page.shot("deuxieme-visite")
finally:
    page.close()
print(json.dumps(seen, ensure_ascii=False))
