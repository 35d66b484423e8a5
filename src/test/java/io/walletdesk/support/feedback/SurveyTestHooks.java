package io.walletdesk.support.feedback;

import org.springframework.context.ApplicationContext;

/** What tests of other packages may do with the package-private satisfaction surveys. */
public final class SurveyTestHooks {

    private SurveyTestHooks() {
    }

    /** Answers a survey as the customer following its link would. */
    public static void answer(ApplicationContext context, String token, int stars) {
        context.getBean(Satisfaction.class).answer(token, stars, null);
    }

    /** An agent's survey results: answers received and their average (null without answers). */
    public record Score(int answers, Double average) {
    }

    public static Score scoreOf(ApplicationContext context, long agentUserId) {
        return context.getBean(Satisfaction.class).perAgent().stream()
                .filter(s -> s.agentUserId() != null && s.agentUserId() == agentUserId)
                .map(s -> new Score(s.answers(), s.average())).findFirst().orElse(new Score(0, null));
    }
}
