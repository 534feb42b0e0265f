"""Views of the expert pool (served through ExpertIndexPage's routes)."""

from django.http import Http404
from django.template.response import TemplateResponse

from .models import Expert


def expert_list(request, page):
    """The expert pool page."""
    experts = Expert.objects.filter(locale=page.locale)
    return TemplateResponse(
        request, "learning/expert_index_page.html", {"page": page, "experts": experts}
    )


def expert_detail(request, page, slug):
    """One expert with the contact form."""
    expert = Expert.objects.filter(locale=page.locale, slug=slug).first()
    if expert is None:
        raise Http404
    return TemplateResponse(
        request, "learning/expert_detail.html", {"page": page, "expert": expert}
    )
