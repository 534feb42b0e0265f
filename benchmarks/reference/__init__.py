"""A minimal blog in the style of Wagtail's bakerydemo: the yardstick of bench_pages.py.

Only the benchmark's settings (benchmarks/reference/settings.py) install it; the site never
does. Its templates extend the site's base.html, so both sides pay for the same header,
navigation and footer and the comparison shows what each page type costs on its own.
"""
