# The newsflow applications (ingest, enrichment, and the news-pipeline tools) and the sink connector plugin.
# Build: docker build -t newsflow .   (docker-compose.yml builds it for you)
FROM eclipse-temurin:21-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -ntp -DskipTests install \
 && ./mvnw -B -ntp -pl pipeline dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory=/opt/newsflow/lib \
 && cp pipeline/target/pipeline-*.jar /opt/newsflow/lib/ \
 && mkdir -p /opt/connectors && cp -r sink-connector/target/plugin/* /opt/connectors/

FROM eclipse-temurin:21-jre
COPY --from=build /opt/newsflow /opt/newsflow
COPY --from=build /opt/connectors /opt/connectors
RUN printf '#!/bin/sh\nexec java $JAVA_OPTS -cp "/opt/newsflow/lib/*" io.newsflow.pipeline.NewsPipeline "$@"\n' \
      > /usr/local/bin/news-pipeline && chmod +x /usr/local/bin/news-pipeline
ENTRYPOINT ["news-pipeline"]
