"""A phone-sized headless Chromium driven by Selenium, shared by the browser tests.

Debian's chromium and chromium-driver, the driver at /usr/bin/chromedriver so that Selenium never
downloads one; the viewport is a phone's (390 x 844 CSS pixels). Screenshots go to the folder the
test names, one PNG per step.
"""
import base64
import os
import time

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait


def phone():
    options = Options()
    for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--lang=fr-FR"]:
        options.add_argument(argument)
    options.binary_location = "/usr/bin/chromium"
    options.add_experimental_option("mobileEmulation", {"deviceMetrics": {"width": 390, "height": 844, "pixelRatio": 1.0}})
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


class Session:
    def __init__(self, base, shots, prefix):
        self.base, self.shots, self.prefix, self.step = base, shots, prefix, 0
        os.makedirs(shots, exist_ok=True)
        self.driver = phone()

    def shot(self, name):
        """The whole page, below the fold included (Chromium's DevTools capture)."""
        self.step += 1
        size = self.driver.execute_cdp_cmd("Page.getLayoutMetrics", {})["cssContentSize"]
        clip = {"x": 0, "y": 0, "width": size["width"], "height": size["height"], "scale": 1}
        image = self.driver.execute_cdp_cmd("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True, "clip": clip})
        with open(os.path.join(self.shots, "%s-%d-%s.png" % (self.prefix, self.step, name)), "wb") as handle:
            handle.write(base64.b64decode(image["data"]))

    def open(self, path):
        self.driver.get(self.base + path)

    def follow(self, text):
        self.click(self.driver.find_element(By.PARTIAL_LINK_TEXT, text))

    def text(self, selector):
        return self.driver.find_element(By.CSS_SELECTOR, selector).text

    def type(self, field_id, text):
        element = self.driver.find_element(By.ID, field_id)
        element.clear()
        element.send_keys(text)

    def submit(self, form="form.formulaire", navigates=True):
        """Clicks the form's button; when the form loads a page (no script takes it), waits for it."""
        self.click(self.driver.find_element(By.CSS_SELECTOR, form + " button[type=submit]"), navigates)

    def click(self, element, navigates=True):
        old = self.driver.find_element(By.TAG_NAME, "html")
        element.click()
        if navigates:
            WebDriverWait(self.driver, 30).until(lambda driver: self._gone(old))

    @staticmethod
    def _gone(element):
        # Chromium says a replaced page's node is stale in more than one way (a stale reference,
        # or "Node with given id does not belong to the document"): any error means it is gone.
        try:
            element.tag_name
            return False
        except Exception:
            return True

    def sign_in(self, name, password):
        self.open("/connexion")
        self.type("nom", name)
        self.type("mot_de_passe", password)
        self.submit()

    def wait_for(self, selector, predicate, seconds=20):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            try:
                text = self.text(selector)
                if predicate(text):
                    return text
            except Exception:
                pass
            time.sleep(0.2)
        return self.text(selector)

    def close(self):
        self.driver.quit()
