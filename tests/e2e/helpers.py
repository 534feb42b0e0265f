"""Reusable browser steps: axe-core audits, keyboard-only form completion, screenshots."""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
AXE_SOURCE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = ROOT / "docs" / "screenshots"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]

# Browser tests need committed data (the live server runs in another thread) and the rows
# the migrations made back after each flush.
E2E = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def axe_violations(page):
    """Run axe-core (WCAG 2.0 to 2.2, A and AA rules) on the loaded page; list its violations.

    The script is evaluated through the DevTools protocol rather than added as a <script>
    element, so the site's Content-Security-Policy stays in force during the audit.
    """
    if not AXE_SOURCE.exists():
        raise AssertionError(f"{AXE_SOURCE} is missing: run scripts/browser-deps.sh")
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(AXE_SOURCE.read_text(encoding="utf-8"))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS
    )
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} -> "
        + "; ".join(", ".join(node["target"]) for node in violation["nodes"][:5])
        for violation in result["violations"]
    ]


def save_screenshot(page, name):
    """Save the visible part of the page (at its viewport width) as docs/screenshots/<name>.png."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=False)


def _focused(page):
    """What has the keyboard focus: tag, type, name, label text and whether it submits."""
    return page.evaluate(
        """() => {
            const el = document.activeElement;
            if (!el || el === document.body) return null;
            const label = el.labels && el.labels.length ? el.labels[0].innerText.trim() : '';
            return {
                tag: el.tagName.toLowerCase(),
                type: (el.getAttribute('type') || '').toLowerCase(),
                name: el.getAttribute('name') || '',
                label: label,
                text: (el.innerText || el.value || '').trim(),
                form: el.form ? (el.form.getAttribute('data-e2e-form') || '') : null,
            };
        }"""
    )


def _choose_radio_with_arrows(page, label):
    """In a radio group, press the arrow key until the option labelled ``label`` is chosen
    (arrow keys move the focus and the choice together, as for every keyboard user)."""
    for _ in range(20):
        if _focused(page)["label"] == label:
            return
        page.keyboard.press("ArrowDown")
    raise AssertionError(f"No radio option {label!r} reached with the arrow keys")


def complete_form_with_keyboard(page, form_selector, answers, max_tabs=300):
    """Fill and submit a form with the keyboard only, the way a keyboard user would.

    Starting from the top of the page, presses Tab until each field named in ``answers``
    has had the focus and been answered, then tabs on to the form's submit button and
    presses Enter. ``answers`` maps a field's name to a string to type, True to tick a
    checkbox or keep a radio group's focused option (Space), a radio option's label (chosen
    with the arrow keys), or a Path for a file input (opened with Space, as the file dialog).
    Returns the list of field names in the order the focus reached them; raises
    AssertionError when a field cannot be reached by Tab.
    """
    page.locator(form_selector).first.evaluate("form => form.setAttribute('data-e2e-form', '1')")
    # Start where a keyboard user starts: the very top of the document.
    page.evaluate("() => { document.activeElement && document.activeElement.blur(); }")
    page.keyboard.press("Home")
    pending = dict(answers)
    order = []
    for _ in range(max_tabs):
        page.keyboard.press("Tab")
        focus = _focused(page)
        if not focus or focus["form"] != "1":
            continue
        name = focus["name"]
        if name in pending:
            value = pending.pop(name)
            order.append(name)
            if focus["type"] == "radio" and value is not True:
                _choose_radio_with_arrows(page, str(value))
            elif focus["type"] in ("checkbox", "radio"):
                # A radio group takes one Tab stop; Space chooses the focused option.
                page.keyboard.press("Space")
            elif focus["type"] == "file":
                with page.expect_file_chooser() as chooser:
                    page.keyboard.press("Space")
                chooser.value.set_files(str(value))
            else:
                page.keyboard.type(str(value))
        elif not pending and (
            focus["type"] == "submit" or (focus["tag"] == "button" and focus["type"] != "button")
        ):
            with page.expect_navigation():
                page.keyboard.press("Enter")
            return order
    raise AssertionError(f"Not reachable with Tab, or no submit button after them: {pending}")


def main_menu(page):
    """The main navigation, as a visitor reaches it: on a phone the menu is folded behind the
    "Menü" button in the header, which is clicked first (a visible click, as a visitor would)."""
    page.wait_for_load_state()  # asked of the page navigated to, not of the one before
    toggle = page.locator(".site-header summary")
    if toggle.is_visible() and not page.locator(".site-header details").evaluate("d => d.open"):
        toggle.click()
    return page.get_by_role("navigation", name=re.compile("Hauptnavigation|Main navigation"))
