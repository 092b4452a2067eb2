from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from apps.accounts.staff import admin_login, staff_with_mfa
from config.health import healthz

# Staff sign in through allauth (its rate limits apply) and must have used two-factor
# authentication in this session to open the admin.
admin.site.login = admin_login
admin.site.has_permission = staff_with_mfa
admin.site.site_header = "Pacewise administration"
admin.site.site_title = "Pacewise admin"

handler500 = "apps.accounts.views.server_error"

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path(settings.ADMIN_URL, admin.site.urls),
    path("accounts/", include("allauth.urls")),
    path("", include("apps.accounts.urls")),
    path("", include("apps.reminders.urls")),
    path("", include("apps.resources.urls")),
    path("", include("apps.checkins.urls")),
    path("audits/", include("apps.audits.urls")),
    path("", include("apps.planning.urls")),
    path("", include("apps.overview.urls")),
    path("", include("apps.imports.urls")),
]
