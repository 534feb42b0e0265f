"""What the project pages show: the filtered listing, the detail facts, the apply information.

The page models delegate here so that they stay declarations of fields and routes.
"""

from collections import defaultdict
from html import unescape
from urllib.parse import quote

from django.core.paginator import Paginator
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import normalize_newlines
from django.utils.translation import gettext
from wagtail.models import Locale

from projects.filters import ProjectFilterSet
from projects.models import ProjectPage, ProjectStatus
from projects.models.pages import Workload

PROJECTS_PER_PAGE = 12


def localize_many(instances):
    """Map each taxonomy instance to its version in the active language.

    Does what the ``|localized`` template filter does, but with one query per model instead
    of one per instance, so a listing's query count does not grow with its length.
    Instances without a translation map to themselves. The keys are the instances (model
    instances compare by model and pk), so several models can be localized in one call.
    """
    instances = [obj for obj in instances if obj is not None]
    result = {obj: obj for obj in instances}
    locale = Locale.get_active()
    by_model = defaultdict(list)
    for obj in instances:
        if obj.locale_id != locale.id:
            by_model[type(obj)].append(obj)
    for model, objs in by_model.items():
        translations = {
            t.translation_key: t
            for t in model.objects.filter(
                locale=locale, translation_key__in={obj.translation_key for obj in objs}
            )
        }
        for obj in objs:
            result[obj] = translations.get(obj.translation_key, obj)
    return result


def project_listing_context(index_page, request):
    """Context of the project index: the filter form, one page of projects and their count."""
    queryset = (
        ProjectPage.objects.child_of(index_page)
        .live()
        .public()
        .select_related("municipality")
        .prefetch_related("topics")
    )
    filterset = ProjectFilterSet(request.GET, queryset=queryset, request=request)
    paginator = Paginator(filterset.qs, PROJECTS_PER_PAGE)
    page_obj = paginator.get_page(request.GET.get("page"))

    projects = list(page_obj.object_list)
    localized = localize_many(
        [p.municipality for p in projects] + [t for p in projects for t in p.topics.all()]
    )
    for project in projects:
        # Display attributes for the cards, already in the active language.
        project.display_municipality = localized.get(project.municipality)
        project.display_topics = [localized[t] for t in project.topics.all()]
    return {
        "filter": filterset,
        "page_obj": page_obj,
        "projects": projects,
        "result_count": paginator.count,
    }


def project_detail_context(project, request):
    """Context of a project page: taxonomies, competence profile and related stories, localized."""
    rows = list(project.competence_profile.select_related("competency"))
    topics = list(project.topics.all())
    localized = localize_many([project.municipality, *topics] + [row.competency for row in rows])
    for row in rows:
        row.display_competency = localized[row.competency]
    return {
        "display_municipality": localized.get(project.municipality),
        "display_topics": [localized[topic] for topic in topics],
        "competence_rows": rows,
        "related_stories": related_stories(project),
        "job_posting": job_posting_data(project) if project.is_open_for_applications else None,
    }


def related_stories(project):
    """Live stories about this project (or one of its translations), in the project's language.

    A story that has not been translated yet appears in its original language.
    """
    from stories.models import StoryPage

    stories = (
        StoryPage.objects.live()
        .public()
        .filter(project__translation_key=project.translation_key)
        .select_related("locale")
        .order_by("-period_start", "pk")
    )
    chosen = {}
    for story in stories:
        current = chosen.get(story.translation_key)
        if current is None or story.locale_id == project.locale_id:
            chosen[story.translation_key] = story
    return list(chosen.values())


def plain_text(html):
    """Rich text as a single line of plain text, for structured data."""
    return " ".join(unescape(normalize_newlines(strip_tags(html or ""))).split())


def job_posting_data(project):
    """schema.org JobPosting for an open project, as a dict for the ``json_ld`` tag."""
    municipality = project.municipality
    data = {
        "@context": "https://schema.org",
        "@type": "JobPosting",
        "title": project.title,
        "description": plain_text(project.challenge),
        "employmentType": "FULL_TIME" if project.workload == Workload.FULL_TIME else "PART_TIME",
        "jobStartDate": project.start_date.isoformat(),
        "directApply": False,
        "url": project.full_url,
    }
    if project.first_published_at:
        data["datePosted"] = timezone.localdate(project.first_published_at).isoformat()
    if project.application_deadline:
        data["validThrough"] = project.application_deadline.isoformat()
    if municipality is not None:
        data["hiringOrganization"] = {"@type": "Organization", "name": municipality.name}
        data["jobLocation"] = {
            "@type": "Place",
            "address": {
                "@type": "PostalAddress",
                "addressLocality": municipality.name,
                "addressRegion": municipality.get_bundesland_display(),
                "addressCountry": "DE",
            },
        }
    return data


def application_mailto(project, contact_email):
    """A mailto link to the programme's contact address with the project in the subject."""
    if not contact_email:
        return ""
    subject = gettext("Bewerbung: %(title)s") % {"title": project.title}
    return f"mailto:{contact_email}?subject={quote(subject)}"


def application_phase_state(project):
    """``open``, ``upcoming`` or ``closed``: what the page says about applying."""
    if project.is_open_for_applications:
        return "open"
    if project.status == ProjectStatus.IN_PREPARATION:
        return "upcoming"
    return "closed"
