//! `POST /api/geoparse` and `GET /api/geocode` with offsets, through the real router.

use std::sync::Arc;

use actix_web::{App, test, web};
use incident_atlas::gazetteer::Gazetteer;
use incident_atlas::http::{AppState, router};
use serde_json::Value;

/// The application with the real router and state.
fn state() -> web::Data<AppState> {
    web::Data::new(AppState {
        gazetteer: Arc::new(Gazetteer::load().unwrap()),
    })
}

#[actix_web::test]
async fn geoparse_returns_mentions_with_byte_spans() {
    let app = test::init_service(App::new().app_data(state()).configure(router)).await;
    let body =
        "A blast hit Kabul\u{2019}s old town (Afghanistan), then 70 km south-east of Dushanbe.";
    let req = test::TestRequest::post()
        .uri("/api/geoparse")
        .set_payload(body)
        .to_request();
    let mentions: Vec<Value> = test::call_and_read_body_json(&app, req).await;
    let texts: Vec<&str> = mentions
        .iter()
        .map(|m| m["text"].as_str().unwrap())
        .collect();
    assert_eq!(
        texts,
        ["Kabul", "Afghanistan", "70 km south-east of Dushanbe"]
    );
    let (s, e) = (
        mentions[0]["start"].as_u64().unwrap() as usize,
        mentions[0]["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&body[s..e], "Kabul");
    assert_eq!(mentions[2]["location"]["precision"], "offset");
}

#[actix_web::test]
async fn geoparse_rejects_invalid_utf8_with_400() {
    let app = test::init_service(App::new().app_data(state()).configure(router)).await;
    let req = test::TestRequest::post()
        .uri("/api/geoparse")
        .set_payload(&b"in Kabul \xff"[..])
        .to_request();
    let resp = test::call_service(&app, req).await;
    assert_eq!(resp.status(), 400);
    let body: Value = test::read_body_json(resp).await;
    assert!(body["error"].as_str().unwrap().contains("UTF-8"));
}

#[actix_web::test]
async fn geocode_reads_offset_descriptions() {
    let app = test::init_service(App::new().app_data(state()).configure(router)).await;
    let req = test::TestRequest::get()
        .uri("/api/geocode?q=70%20km%20south-east%20of%20Dushanbe")
        .to_request();
    let location: Value = test::call_and_read_body_json(&app, req).await;
    assert_eq!(location["precision"], "offset");
    assert_eq!(location["anchor"]["name"], "Dushanbe");
    assert_eq!(location["offset"]["distance_km"], 70.0);
    assert!((location["lat"].as_f64().unwrap() - 38.09).abs() < 0.02);
    assert!((location["lon"].as_f64().unwrap() - 69.35).abs() < 0.02);
}
