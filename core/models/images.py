"""The project's image model: a credit line and a default alt text every editor fills in."""

import logging

from django.db import models
from django.db.models import prefetch_related_objects
from django.utils.translation import gettext_lazy as _
from wagtail.images.models import AbstractImage, AbstractRendition, Image, SourceImageIOError

from core.public_url import absolute_url

logger = logging.getLogger(__name__)


class CustomImage(AbstractImage):
    alt_text = models.CharField(
        _("Alternativtext"),
        max_length=250,
        blank=True,
        help_text=_("Beschreibt das Bild für Menschen, die es nicht sehen können."),
    )
    credit = models.CharField(_("Bildnachweis"), max_length=250, blank=True)

    admin_form_fields = (*Image.admin_form_fields, "alt_text", "credit")

    @property
    def default_alt_text(self):
        return self.alt_text or ""

    def absolute_rendition_url(self, spec):
        """The public address of the rendition ``spec`` (for JSON-LD), or None when the
        original file is missing: Wagtail's template tags then show a placeholder, and the
        page must not fail for the structured data either."""
        try:
            return absolute_url(self.get_rendition(spec).url)
        except SourceImageIOError:
            logger.warning("Image %s: original file missing, no rendition %s", self.pk, spec)
            return None

    def find_existing_renditions(self, *filters):
        """Wagtail's lookup, with the renditions read from the cache marked as such.

        Wagtail marks only prefetched renditions, so ``get_renditions`` wrote every rendition
        it had just read from the cache back to it: a second round trip to Redis for every
        image on every page, with nine renditions for each ``{% picture %}``.
        """
        _reuse_parsed_operations(filters)
        if self._get_prefetched_renditions() is not None:
            return super().find_existing_renditions(*filters)
        rendition_model = self.get_rendition_model()
        by_key = {
            rendition_model.construct_cache_key(self, f.get_cache_key(self), f.spec): f
            for f in filters
        }
        found = {}
        for key, rendition in rendition_model.cache_backend.get_many(list(by_key)).items():
            # Tied to this instance, so a contextual alt text is respected (as in Wagtail).
            rendition.image = self
            rendition._from_cache = True
            found[by_key[key]] = rendition
        missing = [f for f in filters if f not in found]
        if missing:
            # Wagtail's own lookup for the rest (the database); these go to the cache.
            found.update(super().find_existing_renditions(*missing))
        return found


# Filter spec -> its parsed operations. {% picture %} makes new Filter objects on every
# render (nine per picture), and each parsed its spec again (the hooks' registry included)
# just to build the rendition's cache key. Operations are set up once by their construct()
# and only read afterwards, so one parsed list per spec serves every Filter.
_PARSED_OPERATIONS = {}
# Specs come from templates and the admin's few sizes; the bound only guards against a flood.
_MAX_PARSED_SPECS = 512


def _reuse_parsed_operations(filters):
    for image_filter in filters:
        if "operations" in image_filter.__dict__:
            continue
        operations = _PARSED_OPERATIONS.get(image_filter.spec)
        if operations is None:
            if len(_PARSED_OPERATIONS) < _MAX_PARSED_SPECS:
                _PARSED_OPERATIONS[image_filter.spec] = image_filter.operations
        else:
            image_filter.__dict__["operations"] = operations


class CustomRendition(AbstractRendition):
    image = models.ForeignKey(CustomImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


def prefetch_renditions(images):
    """Load the renditions of all these images (None skipped) in one query.

    For lists of cards: each ``{% picture %}`` then finds its renditions on the image instead
    of asking the cache (a round trip per card) or the database.
    """
    images = [image for image in images if image is not None]
    if images:
        prefetch_related_objects(images, "renditions")
