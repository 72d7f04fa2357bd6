"""A phone-sized headless Chromium driven by Selenium, shared by the browser tests.

Debian's chromium and chromium-driver, the driver at /usr/bin/chromedriver so that Selenium never
downloads one; the viewport is a phone's (390 x 844 CSS pixels). Screenshots go to the folder the
test names, one PNG per step.
"""
import os
import time

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
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
        self.step += 1
        self.driver.save_screenshot(os.path.join(self.shots, "%s-%d-%s.png" % (self.prefix, self.step, name)))

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
            WebDriverWait(self.driver, 30).until(expected_conditions.staleness_of(old))

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
