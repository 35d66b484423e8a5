package io.walletdesk.community.internal;

import java.util.List;

/**
 * A topic as one reader may see it. {@code question} is null while the reader may not see it (a held question of
 * someone else's, a topic moved to private support); {@code conversationLink} only for the author and staff.
 */
record TopicPage(Topic topic, PostView question, List<PostView> replies, boolean signedIn, boolean staff, boolean author,
        boolean canReply, boolean canAccept, boolean canMoveToPrivate, String conversationLink) {

    /** A post with what this reader may do with it. {@code maskedKeys} are message keys, shown to its author. */
    record PostView(Post post, boolean mine, boolean accepted, List<String> maskedKeys) {
    }

    static TopicPage of(Topic topic, List<Post> posts, Member reader) {
        boolean staff = reader != null && reader.staff();
        boolean author = reader != null && reader.userId() == topic.authorUserId();
        PostView question = null;
        List<PostView> replies = new java.util.ArrayList<>();
        boolean hiddenFromPublic = topic.state() == TopicState.PRIVATE;
        for (Post post : posts) {
            boolean mine = reader != null && reader.userId() == post.authorUserId();
            boolean visible = post.state() == PostState.PUBLISHED || staff || (mine && post.state() == PostState.PENDING);
            if (!visible || (hiddenFromPublic && !staff)) {
                continue;
            }
            PostView view = new PostView(post, mine, Long.valueOf(post.id()).equals(topic.acceptedPostId()),
                    mine || staff ? post.masked().stream().map(PersonalData::messageKey).toList() : List.of());
            if (post.opening()) {
                question = view;
            } else {
                replies.add(view);
            }
        }
        boolean open = topic.state() == TopicState.OPEN;
        String link = null;
        if (topic.conversationId() != null && (staff || author)) {
            link = (staff ? "/staff/conversations/" : "/support/conversations/") + topic.conversationId();
        }
        return new TopicPage(topic, question, List.copyOf(replies), reader != null, staff, author,
                reader != null && open && (!topic.locked() || staff), open && (staff || author), (open || topic.state() == TopicState.PENDING) && (staff || author), link);
    }
}
