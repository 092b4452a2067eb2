from django.urls import path

from apps.audits import views

app_name = "audits"
urlpatterns = [
    path("", views.audit_list, name="list"),
    path("start/", views.audit_start, name="start"),
    path("compare/", views.audit_compare, name="compare"),
    path("<int:pk>/", views.audit_detail, name="detail"),
    path("<int:pk>/report/", views.audit_report, name="report"),
    path("<int:pk>/end/", views.audit_end, name="end"),
    path("<int:pk>/moments/", views.moment_add, name="moment-add"),
    path("<int:pk>/moments/<int:moment_pk>/delete/", views.moment_delete, name="moment-delete"),
    path("<int:pk>/commitments/", views.commitment_add, name="commitment-add"),
    path("<int:pk>/commitments/<int:c_pk>/", views.commitment_update, name="commitment-update"),
    path(
        "<int:pk>/commitments/<int:c_pk>/delete/",
        views.commitment_delete,
        name="commitment-delete",
    ),
]
