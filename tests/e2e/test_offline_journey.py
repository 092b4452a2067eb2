"""On a phone with no signal: Pacewise is installable, Today opens from the kept shell, a
check-in waits on the device and reaches the server once when the connection returns, and
sign-out leaves nothing of it behind."""

from playwright.sync_api import expect

from apps.checkins.models import CheckIn
from tests.conftest import make_user
from tests.e2e.conftest import sign_in, url_of
from tests.e2e.steps import BERLIN, assert_accessible

CACHED = """() => caches.keys()
  .then(keys => Promise.all(keys.map(k => caches.open(k).then(c => c.keys()))))
  .then(lists => lists.flat().map(r => r.url))"""
QUEUED = """() => new Promise(resolve => {
  const open = indexedDB.open("pacewise-offline", 1);
  open.onupgradeneeded = () => open.result.createObjectStore("checkins", {keyPath: "client_id"});
  open.onsuccess = () => {
    const request = open.result.transaction("checkins").objectStore("checkins").getAll();
    request.onsuccess = () => { open.result.close(); resolve(request.result); };
  };
})"""


def test_sami_checks_in_on_the_train_and_it_arrives_once(new_page):
    sami = make_user("sami@example.com", display_name="Sami", time_zone=BERLIN, country="DE")
    page = new_page(timezone_id=BERLIN)
    sign_in(page, sami.email)
    page.wait_for_function(
        "() => navigator.serviceWorker.controller !== null || navigator.serviceWorker.ready"
    )
    page.evaluate("() => navigator.serviceWorker.ready")
    page.reload()  # now the page is under the worker's control
    expect(page).to_have_url(url_of("checkins:today"))
    assert page.evaluate("() => navigator.serviceWorker.controller !== null")
    # Chromium's own installability checks, the ones Lighthouse reports. A test context is
    # incognito, which Chromium counts against installing; every other check must pass.
    cdp = page.context.new_cdp_session(page)
    errors = cdp.send("Page.getInstallabilityErrors")["installabilityErrors"]
    assert [e["errorId"] for e in errors] == ["in-incognito"]
    manifest = cdp.send("Page.getAppManifest")
    assert manifest["errors"] == []
    assert manifest["url"].endswith("/manifest.webmanifest")
    kept = page.evaluate(CACHED)
    assert any(url.endswith("/offline/?country=DE") for url in kept)
    assert any(url.endswith("/offline/check-in/") for url in kept)
    assert not any("/today/" in url for url in kept)

    page.context.set_offline(True)
    page.goto("/today/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Check in")
    expect(page.get_by_text("You are offline. You can still check in")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("group", name="Energy right now").get_by_text("3", exact=True).click()
    page.get_by_role("group", name="What do you need most?").get_by_text("Rest").click()
    page.get_by_label("A note, if you like").fill("Tunnel again.")
    page.get_by_role("button", name="Save on this device").click()
    expect(page.get_by_role("status")).to_contain_text(
        "Saved on this device. It will be sent when you are back online."
    )
    expect(page.get_by_text("1 check-in is saved on this device")).to_be_visible()
    assert len(page.evaluate(QUEUED)) == 1
    assert CheckIn.objects.filter(user=sami).count() == 0

    page.context.set_offline(False)
    expect(page.get_by_role("status")).to_contain_text("made offline, is saved.")
    expect(page.get_by_text("1 check-in is saved on this device")).to_be_hidden()
    assert page.evaluate(QUEUED) == []
    page.goto("/today/")
    page.reload()
    [checkin] = CheckIn.objects.filter(user=sami)
    assert (checkin.energy, checkin.need, checkin.note) == (3, "rest", "Tunnel again.")

    page.get_by_role("button", name="Sign out").click()
    expect(page).not_to_have_url(url_of("checkins:today"))
    assert page.evaluate(CACHED) == []
    assert page.evaluate(QUEUED) == []
    assert (
        page.evaluate("() => navigator.serviceWorker.getRegistrations().then(r => r.length)") == 0
    )


def test_offline_anywhere_else_shows_the_crisis_lines_of_the_persons_country(new_page):
    sami = make_user("sami@example.com", display_name="Sami", time_zone=BERLIN, country="DE")
    page = new_page()
    sign_in(page, sami.email)
    page.evaluate("() => navigator.serviceWorker.ready")

    page.context.set_offline(True)
    page.goto("/journal/")

    expect(page.get_by_role("heading", level=1)).to_have_text("Need help now?")
    expect(page.get_by_text("Showing help for Germany")).to_be_visible()
    expect(page.get_by_role("link", name="112")).to_be_visible()
    assert_accessible(page)
