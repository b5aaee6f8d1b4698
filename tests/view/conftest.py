"""The view tests' graph, and a headless Chromium: the system's, never a downloaded one."""

import shutil
from pathlib import Path

import networkx as nx
import pytest
from view_data import view_facts

from kg.graph import build, to_networkx

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--no-first-run",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
]


@pytest.fixture
def graph() -> nx.MultiDiGraph:
    return to_networkx(build(view_facts()))


@pytest.fixture(scope="session")
def browser(tmp_path_factory):
    if not CHROMIUM.exists():
        pytest.skip("no system Chromium at /usr/bin/chromium (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        profile = tmp_path_factory.mktemp("chromium-profile")
        context = p.chromium.launch_persistent_context(
            str(profile),
            executable_path=str(CHROMIUM),
            args=CHROMIUM_ARGS,
            headless=True,
            viewport={"width": 1280, "height": 900},
        )
        yield context
        context.close()


def _refuse_remote(route) -> None:
    if route.request.url.startswith(("http:", "https:", "ws:", "wss:")):
        route.abort()
    else:
        route.continue_()


@pytest.fixture
def page(browser):
    """A fresh tab that records every request and refuses any that would leave the page."""
    tab = browser.new_page()
    tab.requests, tab.errors = [], []
    tab.on("request", lambda r: tab.requests.append(r.url))
    tab.on("pageerror", lambda e: tab.errors.append(str(e)))
    tab.route("**/*", _refuse_remote)
    yield tab
    tab.close()


@pytest.fixture
def keep_screenshot():
    """Copies a screenshot where people can look at it after the run."""
    return lambda path: shutil.copyfile(path, "/tmp/kg_view_screenshot.png")
