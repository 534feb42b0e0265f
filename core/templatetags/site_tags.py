"""Template tags for navigation, the language switcher and structured data."""

import json

from django import template
from django.conf import settings
from django.db.models import Q
from django.urls import translate_url
from django.utils import translation
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import get_language_info
from wagtail.models import Page, Site

from core.locales import active_locale, locale_for_language

register = template.Library()


def _request_cache(request):
    """A dict living as long as the request: header and footer ask for the same things."""
    if request is None:
        return {}
    if not hasattr(request, "_site_tags_cache"):
        request._site_tags_cache = {}
    return request._site_tags_cache


def _home_for_locale(request, locale):
    cache = _request_cache(request)
    key = ("home", locale.pk)
    if key not in cache:
        site = Site.find_for_request(request)
        if site is None:
            cache[key] = None
        else:
            root = site.root_page
            cache[key] = (
                root if root.locale_id == locale.id else root.get_translation_or_none(locale)
            )
    return cache[key]


def _live_translations(request, page):
    """{locale id: live translation} of ``page`` (itself excluded), read once per request:
    the language switcher and the hreflang links show the same translations."""
    cache = _request_cache(request)
    key = ("translations", page.pk)
    if key not in cache:
        cache[key] = {
            other.locale_id: other
            for other in page.get_translations().live().select_related("locale")
        }
    return cache[key]


@register.simple_tag(takes_context=True)
def main_navigation(context):
    """Live children of the active language's home page that are marked show_in_menus."""
    request = context["request"]
    home = _home_for_locale(request, active_locale())
    if home is None:
        return []
    # Title and URL path are all a menu entry needs; .specific() would cost a query per type.
    return list(home.get_children().live().public().in_menu().only("title", "url_path"))


@register.simple_tag(takes_context=True)
def home_page(context):
    """The home page of the active language."""
    request = context["request"]
    return _home_for_locale(request, active_locale())


@register.simple_tag(takes_context=True)
def language_links(context):
    """One entry per language: the translated page if there is one, else that home page."""
    request = context["request"]
    page = context.get("page")
    active = translation.get_language()
    links = []
    for code, _name in settings.LANGUAGES:
        # Each language is named in itself, so a reader finds their own language.
        name = get_language_info(code)["name_local"]
        locale = locale_for_language(code)
        url = None
        if locale is not None and isinstance(page, Page):
            translated = (
                page
                if page.locale_id == locale.id
                else _live_translations(request, page).get(locale.id)
            )
            if translated is not None and translated.live:
                url = translated.get_url(request)
        if url is None and locale is not None and not isinstance(page, Page):
            url = translate_url(request.get_full_path(), code)
        if url is None and locale is not None:
            home = _home_for_locale(request, locale)
            url = home.get_url(request) if home else f"/{code}/"
        links.append({"code": code, "name": name, "url": url, "active": code == active})
    return links


@register.simple_tag(takes_context=True)
def live_translations(context, page):
    """The page's live translations, their locales read in the same query (hreflang links)."""
    return list(_live_translations(context.get("request"), page).values())


@register.filter
def localized(obj):
    """The instance in the active language (taxonomies, pages), falling back to the original."""
    return getattr(obj, "localized", obj)


@register.simple_tag
def localized_page(page):
    """A page (e.g. a legal page from the site settings) in the active language, if published."""
    if page is None:
        return None
    locale = active_locale()
    if page.locale_id == locale.id:
        return page
    translated = page.get_translation_or_none(locale)
    return translated if translated is not None and translated.live else page


LEGAL_PAGE_FIELDS = ("imprint_page", "privacy_page", "accessibility_page")


@register.simple_tag(takes_context=True)
def legal_links(context, site_settings):
    """Title and URL of the legal pages named in the site settings (Impressum,
    Datenschutzerklärung, Barrierefreiheit), each in the active language if published there.

    The footer is on every page: the pages and their translations are read in one query
    (``localized_page`` per page cost one or two each).
    """
    ids = [getattr(site_settings, f"{field}_id") for field in LEGAL_PAGE_FIELDS]
    if not any(ids):
        return []
    locale = active_locale()
    named = Page.objects.filter(pk__in=[pk for pk in ids if pk])
    pages = Page.objects.filter(
        Q(pk__in=named.values("pk"))
        | Q(translation_key__in=named.values("translation_key"), locale=locale, live=True)
    ).only("title", "url_path", "locale_id", "translation_key", "live", "path", "depth")
    by_id = {page.pk: page for page in pages}
    translations = {page.translation_key: page for page in pages if page.locale_id == locale.pk}
    request = context.get("request")
    links = []
    for pk in ids:
        page = by_id.get(pk)
        if page is None:
            continue
        if page.locale_id != locale.pk:
            page = translations.get(page.translation_key, page)
        links.append({"title": page.title, "url": page.get_url(request)})
    return links


@register.simple_tag
def json_ld(data):
    """Render a dict as a JSON-LD script element, safe against closing the script early."""
    payload = json.dumps(data, ensure_ascii=False, default=str).replace("</", "<\\/")
    return mark_safe(f'<script type="application/ld+json">{payload}</script>')  # noqa: S308


@register.simple_tag
def nav_current(item, page):
    """aria-current value for a menu item: 'page' for the page itself, 'true' for its section."""
    if not isinstance(page, Page):
        return ""
    if item.pk == page.pk:
        return "page"
    if page.url_path.startswith(item.url_path):
        return "true"
    return ""


# Fields that describe a page in a sentence or two, in the order they are tried.
_DESCRIPTION_FIELDS = ("search_description", "listing_summary", "summary", "intro", "hero_text")
DESCRIPTION_LENGTH = 160


@register.simple_tag
def meta_description(page):
    """The page's description for search engines: its search description, or else the first
    of its summary, intro or hero text, as plain text of at most 160 characters."""
    for name in _DESCRIPTION_FIELDS:
        value = getattr(page, name, "") if page is not None else ""
        text = " ".join(strip_tags(str(value or "")).split())
        if text:
            return Truncator(text).chars(DESCRIPTION_LENGTH)
    return ""


@register.filter
def with_site_name(title):
    """The title followed by the site's name, unless the title names the site already."""
    title = str(title or "").strip()
    site_name = settings.WAGTAIL_SITE_NAME
    if not title:
        return site_name
    if site_name.casefold() in title.casefold():
        return title
    return f"{title} – {site_name}"


@register.simple_tag
def page_window(page_obj):
    """The page numbers to link: first, last and two either side of the current page.

    Gaps come as ``None``. Linking every page printed 836 links at 10,000 projects.
    """
    paginator = page_obj.paginator
    return [
        None if number == paginator.ELLIPSIS else number
        for number in paginator.get_elided_page_range(page_obj.number, on_each_side=2, on_ends=1)
    ]


# KERN UX's classes for a form control, by widget type (radio and checkbox lists: kern_option).
_KERN_WIDGET_CLASSES = {
    "checkbox": "kern-form-check__checkbox",
    "select": "kern-form-input__select",
    "nullbooleanselect": "kern-form-input__select",
}


_KERN_OPTION_CLASSES = {"radio": "kern-form-check__radio", "checkbox": "kern-form-check__checkbox"}


@register.filter
def kern_option(option, field):
    """One input of a radio or checkbox list with KERN's class (its label comes separately, as
    KERN's form check wants: the input in the first grid column, the label beside it)."""
    css = _KERN_OPTION_CLASSES[option.data["type"]]
    if field.errors:
        css += f" {css}--error"
    option.data["attrs"] = {**option.data["attrs"], "class": css}
    return option.tag(wrap_label=False)


@register.filter
def kern_widget(field):
    """Render a bound field's widget with KERN UX's input classes (and their error variant)."""
    widget_type = field.widget_type
    css = _KERN_WIDGET_CLASSES.get(widget_type)
    if css is None:
        if widget_type in {"radioselect", "checkboxselectmultiple", "clearablefile", "file"}:
            return field.as_widget()
        css = "kern-form-input__input"
    if field.errors:
        css += f" {css}--error"
    existing = field.field.widget.attrs.get("class")
    return field.as_widget(attrs={"class": f"{existing} {css}" if existing else css})
