from django.contrib import admin
from django.urls import include, path

from reviewflow.views import ops
from workflow.views import lifecycle

urlpatterns = [
    path("api/v1/", include("reviewflow.api.urls")),
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("lifecycle/", lifecycle, name="lifecycle"),
    path("health/", ops.health_view, name="health"),
    path("", include("reviewflow.urls")),
]

handler400 = ops.bad_request
handler403 = ops.permission_denied
handler404 = ops.page_not_found
handler500 = ops.server_error
