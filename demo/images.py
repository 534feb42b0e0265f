"""Abstract illustrations drawn with Pillow in the brand colours, so the demo needs no photos."""

import random
from io import BytesIO

from django.core.files.images import ImageFile
from PIL import Image, ImageDraw

from core.models import CustomImage

from .base import CREATED, UNCHANGED, Tally
from .content import load

BRAND = (11, 94, 74)
BRAND_DARK = (7, 63, 50)
ACCENT = (242, 193, 78)
SURFACE = (243, 245, 242)
WHITE = (255, 255, 255)
PALETTE = [BRAND, BRAND_DARK, ACCENT, WHITE]


def _draw(seed, size=(1200, 675)):
    """A deterministic composition of circles, bands and connecting lines."""
    rng = random.Random(seed)
    width, height = size
    image = Image.new("RGB", size, SURFACE)
    draw = ImageDraw.Draw(image)
    for _ in range(3):
        top = rng.randint(0, height)
        draw.rectangle((0, top, width, top + rng.randint(40, 140)), fill=rng.choice(PALETTE))
    points = [(rng.randint(80, width - 80), rng.randint(80, height - 80)) for _ in range(7)]
    for start, end in zip(points, points[1:], strict=False):
        draw.line((start, end), fill=BRAND_DARK, width=6)
    for x, y in points:
        radius = rng.randint(24, 90)
        colour = rng.choice([BRAND, ACCENT, BRAND_DARK])
        draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=colour)
    return image


def build_images():
    """Create the illustrations of data/images.toml once (found by title).

    Returns (tally, {key: image}).
    """
    data = load("images")
    tally, by_key = Tally(), {}
    for key, spec in data["images"].items():
        image = CustomImage.objects.filter(title=spec["title"]).first()
        if image is not None:
            tally.add(UNCHANGED)
        else:
            buffer = BytesIO()
            _draw(spec["seed"]).save(buffer, format="PNG", optimize=True)
            image = CustomImage(
                title=spec["title"],
                alt_text=data["alt_text"].format(subject=spec["subject"]),
                credit=data["credit"],
                file=ImageFile(buffer, name=f"demo-{key}.png"),
            )
            image._set_image_file_metadata()
            image.save()
            tally.add(CREATED)
        by_key[key] = image
    return tally, by_key
