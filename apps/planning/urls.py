from django.urls import path

from apps.planning.views import actions, boundaries, rest, shares, values

app_name = "planning"
urlpatterns = [
    path("plan/values/", values.values, name="values"),
    path("plan/values/add/", values.value_add, name="value-add"),
    path("plan/values/<int:pk>/move/", values.value_move, name="value-move"),
    path("plan/values/<int:pk>/why/", values.value_update, name="value-update"),
    path("plan/values/<int:pk>/delete/", values.value_delete, name="value-delete"),
    path("plan/actions/", actions.actions, name="actions"),
    path("plan/actions/add/", actions.action_add, name="action-add"),
    path("plan/actions/<int:pk>/status/", actions.action_status, name="action-status"),
    path("plan/actions/<int:pk>/delete/", actions.action_delete, name="action-delete"),
    path("plan/actions/reflection/", actions.reflection_save, name="reflection-save"),
    path("plan/boundaries/", boundaries.boundaries, name="boundaries"),
    path("plan/boundaries/build/", boundaries.boundary_build, name="boundary-build"),
    path("plan/boundaries/save/", boundaries.boundary_save, name="boundary-save"),
    path("plan/boundaries/<int:pk>/", boundaries.boundary_detail, name="boundary-detail"),
    path(
        "plan/boundaries/<int:pk>/practise/",
        boundaries.boundary_practise,
        name="boundary-practise",
    ),
    path("plan/boundaries/<int:pk>/delete/", boundaries.boundary_delete, name="boundary-delete"),
    path("plan/rest/", rest.rest, name="rest"),
    path("plan/rest/add/", rest.rest_add, name="rest-add"),
    path("plan/rest/<int:pk>/", rest.rest_detail, name="rest-detail"),
    path("plan/rest/<int:pk>/reflect/", rest.rest_reflect, name="rest-reflect"),
    path("plan/rest/<int:pk>/delete/", rest.rest_delete, name="rest-delete"),
    path("plan/rest/<int:pk>/rest-window.ics", rest.rest_ics, name="rest-ics"),
    path("plan/rest/feed/", rest.feed_create, name="feed-create"),
    path("plan/rest/feed/new-address/", rest.feed_replace, name="feed-replace"),
    path("plan/rest/feed/revoke/", rest.feed_revoke, name="feed-revoke"),
    path("calendar/<str:token>.ics", rest.calendar_feed, name="calendar-feed"),
    path("plan/sharing/", shares.shares, name="shares"),
    path("plan/sharing/new/", shares.share_create, name="share-create"),
    path("plan/sharing/<int:pk>/revoke/", shares.share_revoke, name="share-revoke"),
    path("share/<str:token>/", shares.share_view, name="share-view"),
]
