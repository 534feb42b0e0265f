"""RSS and Atom feeds of any project search, served by ProjectIndexPage's feed routes.

A feed takes the listing's query parameters (``?bundesland=HE&competency=7``), so people can
follow "open projects in Hessen needing UX design". The feeds read the database through the
same ProjectFilterSet as the listing: simple, always up, and a feed reader polling every few
minutes need not wait for the engine.
"""

from django.conf import settings
from django.utils.translation import gettext

from core.feeds import PageFeed
from projects.filters import SORT_ORDERINGS, ProjectFilterSet, start_period_label
from projects.views import listed_projects, plain_text
from taxonomy.localization import localize_many

FEED_LENGTH = 50


def selected_labels(filterset):
    """The labels of the valid chosen filter values, in form order, for the feed's title."""
    filterset.is_valid()
    cleaned = filterset.form.cleaned_data
    labels = []
    if cleaned.get("q"):
        labels.append(f"„{cleaned['q']}“")
    for name, form_field in filterset.form.fields.items():
        if name in ("q", "sort"):
            continue
        chosen = {str(getattr(value, "pk", value)) for value in cleaned.get(name) or []}
        if not chosen:
            continue
        if hasattr(form_field, "queryset"):
            # The taxonomy choices are labelled in the active language by the field itself.
            labels.extend(
                form_field.label_from_instance(obj)
                for obj in form_field.queryset
                if str(obj.pk) in chosen
            )
        elif name == "start":
            labels.extend(str(start_period_label(period)) for period in sorted(chosen))
        else:
            labels.extend(str(label) for value, label in form_field.choices if value in chosen)
    return labels


class ProjectSearchFeed(PageFeed):
    """The newest projects of one search on one index page (one language)."""

    def get_object(self, request, *args, **kwargs):
        # The filters are part of what the feed is; invalid values are ignored, as on the listing.
        self.request = request
        self.filterset = ProjectFilterSet(
            request.GET, queryset=listed_projects(self.index_page), request=request
        )
        return None

    def title(self):
        labels = selected_labels(self.filterset)
        name = self.index_page.title
        if labels:
            name = f"{name}: {', '.join(labels)}"
        return f"{name} – {settings.WAGTAIL_SITE_NAME}"

    def link(self):
        query = self.request.GET.urlencode()
        return self.index_page.full_url + (f"?{query}" if query else "")

    def description(self):
        return gettext("Neue Lokalprojekte zu dieser Suche, die neuesten zuerst.")

    def items(self):
        self.filterset.is_valid()
        # Whatever the listing's sort, a feed shows what is new first.
        queryset = self.filterset.filter_queryset(self.filterset.queryset.all())
        projects = list(queryset.order_by(*SORT_ORDERINGS["newest"])[:FEED_LENGTH])
        self._localized = localize_many(
            [p.municipality for p in projects] + [t for p in projects for t in p.topics.all()]
        )
        return projects

    def item_title(self, item):
        municipality = self._localized.get(item.municipality)
        return f"{item.title} ({municipality.name})" if municipality else item.title

    def item_description(self, item):
        return item.listing_summary or plain_text(item.challenge)

    def item_categories(self, item):
        return [self._localized[topic].name for topic in item.topics.all()]
