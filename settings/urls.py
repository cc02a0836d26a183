from django.contrib import admin
from django.urls import include, path

from workflow.views import lifecycle

urlpatterns = [
    path("api/v1/", include("reviewflow.api.urls")),
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("lifecycle/", lifecycle, name="lifecycle"),
    path("", include("reviewflow.urls")),
]
