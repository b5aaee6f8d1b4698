"""The page in headless Chromium: it draws, explains itself, runs nothing it shows, and
never touches the network."""

import pytest
from view_data import (
    EVIDENCE,
    HEADLINE,
    HOSTILE,
    HOSTILE_IMG,
    HOSTILE_SENTENCE,
    SRC,
    star_graph,
)

from kg.view import render, subgraph

pytestmark = pytest.mark.browser

# The DOM point over a node, or over the middle of an edge as drawn (curves included).
_NODE_XY = """id => {
  const p = network.canvasToDOM(network.getPositions([id])[id]);
  const r = document.getElementById('mynetwork').getBoundingClientRect();
  return [r.left + p.x, r.top + p.y];
}"""
_EDGE_XY = """id => {
  const p = network.canvasToDOM(network.body.edges[id].edgeType.getPoint(0.5));
  const r = document.getElementById('mynetwork').getBoundingClientRect();
  return [r.left + p.x, r.top + p.y];
}"""
# Wait for the live layout to settle, then freeze it so points stay where we measured.
_SETTLE = """() => new Promise(done => {
  const freeze = () => { network.setOptions({physics: false}); done(true); };
  if (network.physics.stabilized) return freeze();
  network.once('stabilized', freeze);
  setTimeout(freeze, 4000);
})"""


@pytest.fixture
def view(graph, tmp_path):
    return render(
        subgraph(graph, official="乔耸", hops=2), tmp_path / "view.html", title=f"乔耸 {HOSTILE}"
    )


def _open(page, report):
    page.goto(report.path.as_uri())
    page.wait_for_function("typeof network !== 'undefined' && network.body !== undefined")
    page.evaluate(_SETTLE)
    return page


def _tooltip(page, xy) -> str:
    x, y = xy
    page.mouse.move(x - 30, y - 30)
    page.mouse.move(x, y, steps=5)
    tip = page.locator("div.vis-tooltip")
    tip.wait_for(state="visible", timeout=5000)
    return tip.inner_text()


def _inspected_edge(graph, official: str) -> str:
    return next(
        f"INSPECTED:{k}"
        for u, _, k, t in graph.edges(keys=True, data="type")
        if u == f"Official:{official}" and t == "INSPECTED"
    )


def test_network_has_the_rendered_nodes_and_edges(page, view):
    _open(page, view)
    counts = page.evaluate("[network.body.data.nodes.length, network.body.data.edges.length]")
    assert counts == [view.nodes, view.edges] == [8, 7]
    assert page.evaluate("document.compatMode") == "CSS1Compat"  # a doctype: standards mode
    assert page.errors == []


def test_legend_is_visible(page, view):
    legend = _open(page, view).locator("#kg-legend")
    assert legend.is_visible()
    for text in ("Official 官员", "Office 职务", "Event 活动", "Location 地点"):
        assert text in legend.inner_text()


def test_edge_tooltip_carries_evidence_headline_and_source(page, view, graph):
    _open(page, view)
    text = _tooltip(page, page.evaluate(_EDGE_XY, _inspected_edge(graph, "乔耸")))
    assert "视察 2020-09-10" in text
    assert EVIDENCE in text
    assert HEADLINE in text and SRC in text


def test_hostile_text_is_shown_as_text_and_never_runs(page, view, graph):
    _open(page, view)
    assert _tooltip(page, page.evaluate(_NODE_XY, f"Official:{HOSTILE}")).endswith(HOSTILE)
    page.mouse.move(5, 5)
    page.wait_for_timeout(300)
    text = _tooltip(page, page.evaluate(_EDGE_XY, _inspected_edge(graph, HOSTILE_IMG)))
    assert HOSTILE_SENTENCE in text
    assert page.locator("#kg-header h1").inner_text() == f"乔耸 {HOSTILE}"
    page.locator("#select-menu .ts-control").click()  # tom-select's node list
    options = page.locator("#select-menu .ts-dropdown .option").all_inner_texts()
    assert f"Official:{HOSTILE_IMG}" in options
    assert page.evaluate("window.__pwned") is None
    assert page.evaluate("document.querySelectorAll('img, div.vis-tooltip script').length") == 0
    assert page.errors == []


def test_no_request_leaves_the_page(page, view):
    _open(page, view)
    page.wait_for_timeout(500)
    assert [u for u in page.requests if not u.startswith("file:")] == []


def test_screenshot(page, view, graph, tmp_path, keep_screenshot):
    _open(page, view)
    _tooltip(page, page.evaluate(_EDGE_XY, _inspected_edge(graph, "乔耸")))  # evidence showing
    shot = tmp_path / "view.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000
    keep_screenshot(shot)


def test_large_view_opens_frozen_and_fitted(page, tmp_path):
    report = render(star_graph(400, 50), tmp_path / "big.html", max_nodes=300)
    page.goto(report.path.as_uri())
    page.wait_for_function("typeof network !== 'undefined' && network.body !== undefined")
    assert page.evaluate("network.body.data.nodes.length") == 300
    assert page.evaluate("network.physics.options.enabled") is False
    assert page.evaluate("network.getScale()") < 1  # zoomed out to show everything
    assert page.locator("#kg-note").inner_text().startswith("150 more not shown")
    assert page.errors == []
