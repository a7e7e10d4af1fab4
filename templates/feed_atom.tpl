{{%AUTOESCAPE context="XML"}}<?xml version="1.0" encoding="utf-8"?>
{{! The Atom feed (RFC 4287) of /feed.atom: the consultations matching the
    listing's filters, newest first.  Top-level (tpl_render), no site frame.
    Every value is XML-escaped by the engine; every *_HREF is an absolute URL
    built by cgi-bin/feed.c from HROMADA_BASE_URL.  See templates/README.md. }}
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="uk">
<id>{{FEED_ID}}</id>
<title>{{FEED_TITLE}}</title>
<subtitle>Публічні консультації Київської міської державної адміністрації</subtitle>
<updated>{{FEED_UPDATED}}</updated>
<link rel="self" type="application/atom+xml" href="{{SELF_HREF}}"/>
<link rel="alternate" type="text/html" href="{{LISTING_HREF}}"/>
<author><name>Київська міська державна адміністрація</name><uri>{{SITE_HREF}}</uri></author>
<generator>Громада</generator>
{{#ENTRY}}<entry>
<id>{{ENTRY_ID}}</id>
<title>{{ENTRY_TITLE}}</title>
<link rel="alternate" type="text/html" href="{{ENTRY_HREF}}"/>
<published>{{ENTRY_PUBLISHED}}</published>
<updated>{{ENTRY_UPDATED}}</updated>
<author><name>{{ENTRY_UNIT}}</name></author>
{{#CATEGORY}}<category term="{{CATEGORY_TERM}}" scheme="{{CATEGORY_SCHEME}}" label="{{CATEGORY_LABEL}}"/>
{{/CATEGORY}}<summary>{{ENTRY_SUMMARY}}</summary>
<content type="text">{{ENTRY_STATUS}}</content>
</entry>
{{/ENTRY}}</feed>
