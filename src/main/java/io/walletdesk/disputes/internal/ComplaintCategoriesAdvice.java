package io.walletdesk.disputes.internal;

import io.walletdesk.disputes.Complaints;
import java.util.List;
import java.util.TreeSet;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Lets any page (e.g. the agent's conversation page) offer the complaint categories. */
@ControllerAdvice(annotations = Controller.class)
class ComplaintCategoriesAdvice {

    private static final List<String> CATEGORIES = List.copyOf(new TreeSet<>(Complaints.CATEGORIES));

    @ModelAttribute("complaintCategories")
    List<String> complaintCategories() {
        return CATEGORIES;
    }
}
