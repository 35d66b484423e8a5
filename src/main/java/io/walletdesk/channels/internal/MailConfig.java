package io.walletdesk.channels.internal;

import java.util.Properties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MailSettings.class)
class MailConfig {

    /**
     * HELO/EHLO names our mail domain instead of the machine's name ({@code localhost} in a container), unless
     * {@code spring.mail.properties.mail.smtp.localhost} says otherwise. Static: a post-processor comes before
     * other beans; the settings are read only when the sender is made.
     */
    @Bean
    static BeanPostProcessor smtpHeloName(ObjectProvider<MailSettings> settings) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof JavaMailSenderImpl sender
                        && sender.getJavaMailProperties().getProperty("mail.smtp.localhost") == null) {
                    Properties properties = sender.getJavaMailProperties();
                    properties.setProperty("mail.smtp.localhost", settings.getObject().domain());
                    sender.setJavaMailProperties(properties);
                }
                return bean;
            }
        };
    }
}
