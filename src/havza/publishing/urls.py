from django.urls import path, re_path

from havza.publishing import views
from havza.publishing.pages import SEGMENT_KINDS

app_name = "publishing"

LANG = r"(?P<lang>[a-z]{2,3})"
KINDS = "(?P<kinds>" + "|".join(SEGMENT_KINDS) + ")"

urlpatterns = [
    path("", views.root, name="root"),
    path("sitemap.xml", views.sitemap, name="sitemap"),
    path("sitemaps/pages.xml", views.sitemap_pages, name="sitemap_pages"),
    path("sitemaps/works-<int:number>.xml", views.sitemap_works, name="sitemap_works"),
    path("robots.txt", views.robots, name="robots"),
    re_path(rf"^{LANG}/$", views.home, name="home"),
    re_path(rf"^{LANG}/feed\.xml$", views.feed, name="feed"),
    re_path(rf"^{LANG}/works/(?P<slug>[^/]+)/$", views.work, name="work"),
    re_path(rf"^{LANG}/{KINDS}/$", views.listing, name="listing"),
    re_path(rf"^{LANG}/{KINDS}/page/(?P<page>[0-9]+)/$", views.listing, name="listing_page"),
    re_path(rf"^{LANG}/organizations/$", views.organizations, name="organizations"),
    re_path(rf"^{LANG}/organizations/(?P<slug>[^/]+)/$", views.organization, name="organization"),
    re_path(rf"^{LANG}/people/(?P<slug>[^/]+)/$", views.person, name="person"),
    re_path(rf"^{LANG}/topics/$", views.topics, name="topics"),
    re_path(rf"^{LANG}/topics/(?P<slug>[^/]+)/$", views.topic, name="topic"),
    re_path(
        rf"^{LANG}/topics/(?P<slug>[^/]+)/page/(?P<page>[0-9]+)/$", views.topic, name="topic_page"
    ),
    re_path(rf"^{LANG}/topics/(?P<slug>[^/]+)/feed\.xml$", views.topic_feed, name="topic_feed"),
    re_path(rf"^{LANG}/events/$", views.events, name="events"),
    re_path(rf"^{LANG}/events/(?P<slug>[^/]+)/$", views.event, name="event"),
]
