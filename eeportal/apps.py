from django.contrib.admin.apps import AdminConfig


class EditorsAdminConfig(AdminConfig):
    """django.contrib.admin with the editors' site (two-factor sign-in) as admin.site."""

    default_site = "eeportal.admin_site.EditorsAdminSite"
