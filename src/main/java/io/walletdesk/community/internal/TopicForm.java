package io.walletdesk.community.internal;

/** The new-topic form, bound by Spring MVC. */
class TopicForm {

    private String category = TopicCategory.TOP_UPS.slug();
    private String language = "";
    private String title = "";
    private String body = "";

    public String getCategory() {
        return category;
    }

    public void setCategory(String category) {
        this.category = category;
    }

    public String getLanguage() {
        return language;
    }

    public void setLanguage(String language) {
        this.language = language;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getBody() {
        return body;
    }

    public void setBody(String body) {
        this.body = body;
    }
}
