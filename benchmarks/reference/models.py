"""Blog index and blog page as bakerydemo builds them: title, date, intro, image, body."""

from django.core.paginator import Paginator
from django.db import models
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from core.blocks import BodyStreamBlock


class ReferenceBlogPage(Page):
    """A blog post: the counterpart of a project page and of a success story."""

    date_published = models.DateField(null=True, blank=True)
    introduction = models.TextField(blank=True)
    image = models.ForeignKey(
        "core.CustomImage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    body = StreamField(BodyStreamBlock(), blank=True)

    parent_page_types = ["reference.ReferenceBlogIndexPage"]
    template = "reference/blog_page.html"


class ReferenceBlogIndexPage(Page):
    """The newest posts, twelve to a page: the counterpart of the project listing."""

    introduction = RichTextField(blank=True)

    subpage_types = ["reference.ReferenceBlogPage"]
    template = "reference/blog_index_page.html"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        posts = (
            ReferenceBlogPage.objects.live()
            .child_of(self)
            .select_related("image")
            .order_by("-date_published")
        )
        context["page_obj"] = Paginator(posts, 12).get_page(request.GET.get("page"))
        return context
