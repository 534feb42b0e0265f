"""A developer tries the project search API on its Swagger page, under the site's CSP."""

from playwright.sync_api import expect

from tests.e2e.helpers import E2E

pytestmark = E2E


def test_developer_runs_a_search_from_the_swagger_page(page, demo):
    page.goto(demo.url("/api/v2/projects/docs"))
    operation = page.locator(".opblock-get").filter(
        has=page.locator('[data-path="/api/v2/projects/search/"]')
    )
    expect(operation).to_be_visible()

    operation.locator(".opblock-summary").click()
    operation.get_by_role("button", name="Try it out").click()
    operation.locator("input[placeholder='q']").fill("Akte")
    operation.get_by_role("button", name="Execute").click()

    response = operation.locator(".live-responses-table .response")
    expect(response.locator(".response-col_status")).to_contain_text("200")
    expect(response.locator(".response-col_description")).to_contain_text("E-Akte")
    # Scripts, styles and the schema all came from this site; nothing was blocked.
    assert page.problems == []
