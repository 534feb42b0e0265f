"""From a finished project to the draft of its success story ("Erfolgsgeschichte anlegen").

The story is written by the editors; this only saves them copying the project's facts
(municipality, period, topics, the Macher:in's role, the impact reached with its figures) into
a new, unpublished StoryPage that points at the project. The project page links back to the
story once it is published (projects.views.related_stories).

Stories are written in German first and translated from there, so the draft is created below
the German stories index from the German version of the project, whichever language the
editor started from. Projects and stories do not know each other (import layers): this module
in the back office joins them.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.models import Locale

from intake.models import PipelineStatus, Placement
from projects.models import ProjectPage, ProjectStatus
from projects.views import plain_text
from stories.models import StoryIndexPage, StoryPage
from taxonomy.models import CompetencyLevel

# How many of the competence profile's must-haves describe the Macher:in when the project
# has no role of its own written down.
ROLE_COMPETENCIES = 3


def source_project(project):
    """The German version of ``project`` (its source), else the project itself."""
    project = project.specific
    default = Locale.get_default()
    if project.locale_id == default.pk:
        return project
    return (
        ProjectPage.objects.filter(translation_key=project.translation_key, locale=default).first()
        or project
    )


def existing_story(project):
    """The story (draft or live) already linked to the project or one of its translations.

    The one in the default language is preferred, then the oldest.
    """
    stories = StoryPage.objects.filter(project__translation_key=project.translation_key)
    default = Locale.get_default()
    return stories.filter(locale=default).order_by("pk").first() or stories.order_by("pk").first()


def stories_index():
    """The German stories index, where a new story starts."""
    return StoryIndexPage.objects.filter(locale=Locale.get_default()).first()


def can_create_story(project, user):
    """Whether ``user`` may create the success story of ``project`` now.

    Only for finished projects, and only for editors who may add pages below the stories index.
    """
    if project.specific.status != ProjectStatus.COMPLETED:
        return False
    index = stories_index()
    return index is not None and index.permissions_for_user(user).can_add_subpage()


def project_period(project):
    """Start and end of the project: the recorded placement's dates, else start plus duration."""
    placement = (
        Placement.objects.filter(
            application__project__translation_key=project.translation_key,
            application__status=PipelineStatus.ACCEPTED,
        )
        .order_by("-start_date")
        .first()
    )
    if placement is not None:
        return placement.start_date, placement.end_date
    return project.start_date, project.end_date


def maker_role(project):
    """The Macher:in's role: as the project states it, else from its competence profile."""
    if project.maker_role:
        return project.maker_role
    rows = project.competence_profile.select_related("competency").order_by(
        "-requirement", "-level", "sort_order"
    )
    names = [
        row.competency.name
        for row in rows
        if row.requirement == "must" or row.level == CompetencyLevel.EXPERT
    ][:ROLE_COMPETENCIES]
    if not names:
        return _("Macher:in")
    return _("Macher:in mit Schwerpunkt %(fields)s") % {"fields": ", ".join(names)}


def _unique_slug(index, base):
    """``base`` or ``base-2``, ``base-3`` … : the first slug no sibling below ``index`` uses."""
    base = base[:240] or "erfolgsgeschichte"
    taken = set(index.get_children().values_list("slug", flat=True))
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


def story_values(project):
    """The fields of the new story, pre-filled from the project's facts."""
    start, end = project_period(project)
    municipality = project.municipality
    title = f"{municipality.name}: {project.title}" if municipality else project.title
    body = []
    if project.impact_figures:
        body.append(
            (
                "key_figures",
                {
                    "title": _("Das Projekt in Zahlen"),
                    "figures": [
                        {"value": value, "label": label} for value, label in project.figures
                    ],
                },
            )
        )
    return {
        "title": title,
        "subject": project.title,
        "listing_summary": project.listing_summary,
        "municipality": municipality,
        "project": project,
        "period_start": start,
        "period_end": end,
        "maker_role": maker_role(project)[:250],
        "funder": project.funder,
        # The outcome is what the project reached; until an editor has written that down,
        # the intended impact is the best start for the editor's own words.
        "outcome": project.impact_reached or plain_text(project.intended_impact),
        "body": body,
    }


def create_success_story(project, user):
    """The draft success story of the finished ``project``: created now, or the existing one.

    Returns (story, created). Clicking twice (or two editors at once) yields one story: the
    project row is locked while looking for an existing story and creating the new one.
    Raises ValidationError if there is no stories index to create it in.
    """
    project = source_project(project)
    with transaction.atomic():
        # Serialises concurrent clicks for the same project.
        ProjectPage.objects.select_for_update().filter(pk=project.pk).first()
        story = existing_story(project)
        if story is not None:
            return story, False
        index = stories_index()
        if index is None:
            raise ValidationError(_("Es gibt keine deutsche Übersicht der Erfolgsgeschichten."))
        values = story_values(project)
        story = StoryPage(
            slug=_unique_slug(index, slugify(values["title"])),
            live=False,
            owner=user,
            topics=list(project.topics.all()),
            **values,
        )
        index.add_child(instance=story)
        # The editor completes the story (image, quote, text) before publishing it.
        story.save_revision(user=user, log_action=True, clean=False)
    return story, True
