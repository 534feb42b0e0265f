"""sitemap.xml over every language tree of the site, not just the default one."""

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class MultilingualSitemap(Sitemap):
    """Wagtail's sitemap, extended to the translations of the site's root page."""

    def items(self):
        root = self.get_wagtail_site().root_page
        queryset = Page.objects.none()
        for home in [root, *root.get_translations()]:
            queryset |= Page.objects.descendant_of(home, inclusive=True)
        return queryset.live().public().order_by("path").defer_streamfields().specific()
