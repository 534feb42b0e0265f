"""The Matching-Team's views in the Wagtail admin, one module per job.

The listing and inspect views extend Wagtail's generic views (registered in
backoffice/viewsets.py); the others are small views for one task each.
"""
