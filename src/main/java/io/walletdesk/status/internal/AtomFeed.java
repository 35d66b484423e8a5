package io.walletdesk.status.internal;

import io.walletdesk.status.internal.StatusSnapshot.Incident;
import io.walletdesk.status.internal.StatusSnapshot.Update;
import java.io.StringWriter;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/** The incident history as an Atom 1.0 feed (RFC 4287): one entry per incident or maintenance. */
@Service
class AtomFeed {

    static final String ATOM = "http://www.w3.org/2005/Atom";

    private final StatusProperties properties;
    private final MessageSource messages;

    AtomFeed(StatusProperties properties, MessageSource messages) {
        this.properties = properties;
        this.messages = messages;
    }

    String render(List<Incident> incidents, Instant updated, Locale locale) {
        String base = properties.pageUrl().endsWith("/")
                ? properties.pageUrl().substring(0, properties.pageUrl().length() - 1) : properties.pageUrl();
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.setDefaultNamespace(ATOM);
            xml.writeStartElement(ATOM, "feed");
            xml.writeDefaultNamespace(ATOM);
            xml.writeAttribute("xml", "http://www.w3.org/XML/1998/namespace", "lang", locale.toLanguageTag());
            text(xml, "id", "tag:walletdesk," + "2026:status:" + properties.pageId());
            text(xml, "title", messages.getMessage("status.feed.title", new Object[] {properties.pageName()}, locale));
            Instant newest = incidents.stream().map(Incident::updatedAt).max(Comparator.naturalOrder()).orElse(updated);
            text(xml, "updated", iso(newest));
            link(xml, "self", base + "/status/history.atom", "application/atom+xml");
            link(xml, "alternate", base + "/status", "text/html");
            xml.writeStartElement(ATOM, "author");
            text(xml, "name", properties.pageName());
            xml.writeEndElement();
            for (Incident incident : incidents) {
                xml.writeStartElement(ATOM, "entry");
                text(xml, "id", "tag:walletdesk,2026:status:incident:" + incident.publicId());
                text(xml, "title", incident.name().in(locale) + " – "
                        + messages.getMessage("status.incidentStatus." + incident.status().api(), null, locale));
                text(xml, "published", iso(incident.createdAt()));
                text(xml, "updated", iso(incident.updatedAt()));
                link(xml, "alternate", base + "/status/incidents/" + incident.publicId(), "text/html");
                xml.writeStartElement(ATOM, "content");
                xml.writeAttribute("type", "text");
                StringBuilder content = new StringBuilder();
                for (Update update : incident.updates()) {
                    content.append(iso(update.displayAt())).append(" – ")
                            .append(messages.getMessage("status.incidentStatus." + update.status().api(), null, locale))
                            .append(": ").append(update.body().in(locale)).append("\n\n");
                }
                xml.writeCharacters(content.toString().trim());
                xml.writeEndElement();
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException impossible) {
            throw new IllegalStateException(impossible);
        }
        return out.toString();
    }

    private static void text(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeStartElement(ATOM, name);
        xml.writeCharacters(value);
        xml.writeEndElement();
    }

    private static void link(XMLStreamWriter xml, String rel, String href, String type) throws XMLStreamException {
        xml.writeEmptyElement(ATOM, "link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("href", href);
        xml.writeAttribute("type", type);
    }

    private static String iso(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }
}
