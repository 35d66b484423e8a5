package io.walletdesk.shared.web;

import io.walletdesk.shared.failure.ProblemException;
import org.springframework.validation.BindingResult;

/** Shows a {@link ProblemException} next to the form field it names (or at the top of the form). */
public final class FormErrors {

    private FormErrors() {
    }

    public static void apply(ProblemException problem, BindingResult form) {
        String messageCode = "problem." + problem.code() + ".detail";
        if (problem.field() != null && form.getTarget() != null
                && org.springframework.beans.BeanUtils.getPropertyDescriptor(form.getTarget().getClass(), problem.field()) != null) {
            form.rejectValue(problem.field(), messageCode, problem.args(), problem.code());
        } else {
            form.reject(messageCode, problem.args(), problem.code());
        }
    }
}
